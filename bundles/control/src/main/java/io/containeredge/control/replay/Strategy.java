package io.containeredge.control.replay;

import io.containeredge.control.allocation.MinerValue;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.economics.EconomicInputs;
import io.containeredge.control.economics.EconomicLimit;
import io.containeredge.control.economics.Hashprice;
import io.containeredge.control.economics.Tariff;
import io.containeredge.control.limit.LimitSource;
import io.containeredge.control.limit.LimitSources;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.SiteConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * How the miners are run in a replay: {@code value}, the controller's economics ({@link EconomicLimit}: every
 * miner at the power step that pays, with its ramp and hold); {@code strike:X}, every miner of a known model
 * asleep while the energy price is above X USD/MWh ({@link StrikePriceLimit}); {@code always-on}, no economics.
 * The battery stays idle in these. {@code rule-battery} is {@code value} with the power guard's rule-based battery
 * (discharge above the import cap, recharge from headroom); {@code plan} follows the storage planner's plan
 * ({@link PlanFollowing}) with economics valuing energy at the plan's value and the battery at the plan's setpoint.
 *
 * @param strikeUsdPerMwh the strike price of {@link Kind#STRIKE}; 0 otherwise
 */
public record Strategy(Kind kind, double strikeUsdPerMwh) {

    public enum Kind {
        VALUE,
        STRIKE,
        ALWAYS_ON,
        RULE_BATTERY,
        PLAN
    }

    /** The replay models neither heat nor the grid: one verdict without a limit stands for the guards. */
    private static final LimitSource NO_HARD_LIMIT = LimitSource.hard((in, cycle) -> List.of(new Verdict("replay",
            Double.POSITIVE_INFINITY, false, "no thermal or grid limit in a replay", List.of())));

    public static final Strategy VALUE = new Strategy(Kind.VALUE, 0);
    public static final Strategy ALWAYS_ON = new Strategy(Kind.ALWAYS_ON, 0);
    public static final Strategy RULE_BATTERY = new Strategy(Kind.RULE_BATTERY, 0);
    public static final Strategy PLAN = new Strategy(Kind.PLAN, 0);

    public static Strategy strike(double usdPerMwh) {
        return new Strategy(Kind.STRIKE, usdPerMwh);
    }

    /**
     * {@code value}, {@code strike:USD_MWh}, {@code always-on}, {@code rule-battery} or {@code plan}.
     *
     * @throws IllegalArgumentException naming what is accepted
     */
    public static Strategy parse(String text) {
        if (text.equals("value")) {
            return VALUE;
        }
        if (text.equals("always-on")) {
            return ALWAYS_ON;
        }
        if (text.equals("rule-battery")) {
            return RULE_BATTERY;
        }
        if (text.equals("plan")) {
            return PLAN;
        }
        if (text.startsWith("strike:")) {
            try {
                double strike = Double.parseDouble(text.substring("strike:".length()));
                if (Double.isFinite(strike)) {
                    return strike(strike);
                }
            } catch (NumberFormatException e) {
                // named below with what is accepted
            }
        }
        throw new IllegalArgumentException("strategy '" + text + "': value, strike:USD_MWh (e.g. strike:95),"
                + " always-on, rule-battery, plan");
    }

    /** As {@link #parse} takes it: "value", "strike:95", "always-on", "rule-battery", "plan". */
    @Override
    public String toString() {
        return switch (kind) {
            case VALUE -> "value";
            case STRIKE -> String.format(Locale.ROOT, "strike:%s", strikeUsdPerMwh % 1 == 0
                    ? Long.toString((long) strikeUsdPerMwh) : Double.toString(strikeUsdPerMwh));
            case ALWAYS_ON -> "always-on";
            case RULE_BATTERY -> "rule-battery";
            case PLAN -> "plan";
        };
    }

    /**
     * What one replay runs: the limit sources, each miner's value and where prices enter.
     *
     * @param nextChangeMillis when a decision held back (economics' hold time) is next due; {@link Long#MAX_VALUE}
     *     when none is
     * @param plan the plan followed, with the {@code plan} strategy
     */
    record Decisions(EconomicInputs inputs, LimitSources limits, IntFunction<MinerValue> values,
            LongSupplier nextChangeMillis, Optional<PlanFollowing> plan) {
    }

    /** Whether the battery is used: by {@code rule-battery} and {@code plan}; the others leave it idle. */
    boolean usesBattery() {
        return kind == Kind.RULE_BATTERY || kind == Kind.PLAN;
    }

    /**
     * This strategy made ready for a site whose economics section is {@code economics}; {@code plan} makes the plan
     * strategy's limit source on economics' inputs, whose prices it plans with (present with that strategy only).
     */
    Decisions decisions(SiteConfig site, EconomicsSettings economics,
            Optional<Function<EconomicInputs, PlanFollowing>> plan) {
        if (kind == Kind.VALUE || kind == Kind.RULE_BATTERY || kind == Kind.PLAN) {
            EconomicLimit limit = EconomicLimit.forSite(withEconomics(site, economics)).orElseThrow();
            Optional<PlanFollowing> following = plan.map(p -> p.apply(limit.inputs()));
            LimitSources limits = following.isPresent() ? LimitSources.of(NO_HARD_LIMIT, following.get(), limit)
                    : LimitSources.of(NO_HARD_LIMIT, limit);
            return new Decisions(limit.inputs(), limits, limit::valueOf, limit::nextChangeMillis, following);
        }
        EconomicInputs inputs = new EconomicInputs(new Tariff(economics.tariff()),
                Hashprice.configured(economics.hashprice()));
        if (kind == Kind.STRIKE) {
            StrikePriceLimit strike = new StrikePriceLimit(strikeUsdPerMwh, inputs, site.miners());
            return new Decisions(inputs, LimitSources.of(NO_HARD_LIMIT, strike), strike::valueOf,
                    () -> Long.MAX_VALUE, Optional.empty());
        }
        return new Decisions(inputs, LimitSources.of(NO_HARD_LIMIT), index -> MinerValue.NONE, () -> Long.MAX_VALUE,
                Optional.empty());
    }

    /** The site with these economics instead of its own, every other section kept. */
    private static SiteConfig withEconomics(SiteConfig s, EconomicsSettings economics) {
        return new SiteConfig(s.site(), s.container(), s.description(), s.connections(), s.devices(), s.miners(),
                s.limits(), s.api(), s.simulation(), s.control(), Optional.of(economics), s.planner(), s.ai(), s.grid());
    }
}
