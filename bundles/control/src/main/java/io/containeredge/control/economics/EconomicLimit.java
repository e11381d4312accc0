package io.containeredge.control.economics;

import io.containeredge.control.allocation.MinerValue;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.limit.LimitSource;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.MinerCurve;
import io.containeredge.site.api.SiteConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Economics as a soft limit source: every priced miner at the power step that earns most at this cycle's energy
 * price and hashprice (or asleep where every step loses money), followed with ramp and hold and per-miner wear
 * limits ({@link PlanHold}). Its limit is what all controllable loads may draw with the priced miners at their
 * steps: their ratings less what the steps take off; no limit while every priced miner runs flat out. Being soft,
 * it can only lower what safety and the grid allow. It also values each miner per kW ({@link #valueOf}) so the
 * allocator curtails the least efficient first and restores the most efficient first. A miner decides on its model's
 * curve until it is given the curve learned from what it reports ({@link #useCurves}).
 */
public final class EconomicLimit implements LimitSource {

    public static final String NAME = "economics";
    static final String HASHPRICE_STALE = "economics.hashprice-stale";
    private static final String PRICE_CHANGE = "new prices";
    private static final String CURVE_CHANGE = "new learned curves";

    /** The priced miners on their model's curve, by index: what people are shown as the model's breakeven. */
    private final Map<Integer, UnitModel> models;
    /** The priced miners on the curves they are valued on: their model's, or the one learned. */
    private final Map<Integer, UnitModel> units;
    private final Set<Integer> onLearnedCurves = new TreeSet<>();
    private final EconomicInputs inputs;
    private final PlanHold hold;
    private Map<Integer, Double> followed = Map.of();
    /**
     * Each priced miner's best step and value per kW at {@link #pricedAt} on its curve: they change with the prices
     * and the curves only.
     */
    private Map<Integer, Double> asked = Map.of();
    private final Map<Integer, Double> valuePerKw = new HashMap<>();
    private Prices pricedAt;
    /** New curves were given since the last valuation. */
    private boolean curvesChanged;
    /** What made the plan the prices ask for change last, for the reason while the change is held. */
    private String lastChange = PRICE_CHANGE;
    private volatile EconomicState state;

    /** @param units the priced miners by index: those whose model and curve are known */
    public EconomicLimit(EconomicsSettings settings, Map<Integer, UnitModel> units, EconomicInputs inputs) {
        this.models = Collections.unmodifiableMap(new TreeMap<>(units));
        this.units = new TreeMap<>(units);
        this.inputs = inputs;
        this.hold = new PlanHold(settings);
    }

    /**
     * The economic limit of a site with an {@code economics} section: its tariff, its configured hashprice until
     * one is received, its miners priced by {@link SiteUnitModels}. Empty without the section: economics is off.
     */
    public static Optional<EconomicLimit> forSite(SiteConfig site) {
        return site.economics().map(e -> new EconomicLimit(e, SiteUnitModels.of(site), new EconomicInputs(
                new Tariff(e.tariff()), Hashprice.configured(e.hashprice()))));
    }

    /** Where live prices and hashprices enter ({@code price.update}, {@code hashprice.update} handlers). */
    public EconomicInputs inputs() {
        return inputs;
    }

    /** What it decided in its last cycle, and on what; null before its first. */
    public EconomicState state() {
        return state;
    }

    /** How many miners it prices: those whose model and curve are known. */
    public int priced() {
        return units.size();
    }

    /**
     * From now on values each priced miner in {@code curves} on its curve there (the one learned from what it
     * reports, or its model's again); miners it does not price are ignored. The next cycle values every miner
     * afresh, and its plan is followed with the same hold, dwell and hourly maximum as a price change. Called on
     * the control cycle's thread only, between cycles: the limit is not locked.
     */
    public void useCurves(Map<Integer, MinerCurve> curves) {
        curves.forEach((index, curve) -> {
            UnitModel model = models.get(index);
            if (model == null) {
                return;
            }
            boolean learned = !curve.equals(model.curve());
            units.put(index, learned ? model.withCurve(curve) : model);
            if (learned) {
                onLearnedCurves.add(index);
            } else {
                onLearnedCurves.remove(index);
            }
        });
        curvesChanged = true;
    }

    @Override
    public Verdict.Strength strength() {
        return Verdict.Strength.SOFT;
    }

    @Override
    public List<Verdict> evaluate(ContainerInputs in, Cycle cycle) {
        // decided on the plan's value of energy while a plan is followed; people and the profit see the market's
        EnergyPrice price = inputs.decisionPrice(cycle.wallMillis());
        EnergyPrice market = price.source() == EnergyPrice.Source.PLAN ? inputs.energyPrice(cycle.wallMillis()) : price;
        Hashprice hashprice = inputs.hashprice();
        value(new Prices(hashprice.netUsdPerThDay(), price.usdPerMwh()));
        followed = hold.follow(asked, cycle.nowMillis());
        double offW = 0;
        for (Map.Entry<Integer, Double> e : followed.entrySet()) {
            offW += units.get(e.getKey()).ratedW() - e.getValue();
        }
        List<AlarmCondition> alarms = new ArrayList<>();
        if (hashprice.staleAt(cycle.wallMillis())) {
            alarms.add(stale(hashprice));
        }
        inputs.priceFileAlarm().ifPresent(alarms::add);
        String reason = EconomicReason.of(models, onLearnedCurves, followed, price, hashprice, cycle.wallMillis(),
                new EconomicReason.Held(lastChange, hold.pendingMillis(cycle.nowMillis()), hold.holdMillis()));
        double limitKw = offW > 0 ? in.minerRatedKw() - offW / 1000 : Double.POSITIVE_INFINITY;
        state = new EconomicState(cycle.wallMillis(), market, hashprice, models, onLearnedCurves, followed, limitKw,
                reason);
        return List.of(new Verdict(NAME, limitKw, false, reason, alarms, Verdict.Strength.SOFT, null));
    }

    /**
     * Values every priced miner's steps at {@code prices}, unless they are the ones last valued on the same curves.
     */
    private void value(Prices prices) {
        if (prices.equals(pricedAt) && !curvesChanged) {
            return;
        }
        Map<Integer, Double> best = new TreeMap<>();
        units.forEach((index, unit) -> {
            best.put(index, Valuation.best(unit, prices.netUsdPerThDay(), prices.usdPerMwh()).powerW());
            valuePerKw.put(index, Valuation.usdPerHourPerKw(unit, prices.netUsdPerThDay(), prices.usdPerMwh()));
        });
        if (!best.equals(asked)) {
            lastChange = prices.equals(pricedAt) ? CURVE_CHANGE : PRICE_CHANGE;
        }
        asked = best;
        pricedAt = prices;
        curvesChanged = false;
    }

    /** The two numbers a valuation depends on besides the miners' curves. */
    private record Prices(double netUsdPerThDay, double usdPerMwh) {
    }

    /**
     * A miner's value per kW and the step it is held at, as of the last cycle; {@link MinerValue#UNPRICED} for a
     * miner economics has no model for.
     */
    public MinerValue valueOf(int index) {
        Double step = followed.get(index);
        return step == null ? MinerValue.UNPRICED : new MinerValue(valuePerKw.get(index), step);
    }

    /**
     * When the plan the prices ask for is next taken up (monotonic time): the end of its hold time, or a past time
     * while miners are held back by their dwell or hourly maximum; {@link Long#MAX_VALUE} while the miners follow
     * what the prices ask. A caller that does not run every cycle (the backtest) knows from it when to look again.
     */
    public long nextChangeMillis() {
        return hold.dueMillis();
    }

    private static AlarmCondition stale(Hashprice h) {
        return new AlarmCondition(HASHPRICE_STALE, AlarmCondition.Severity.WARNING, NAME, "hashprice " + h.describe()
                + " is older than its validity of " + h.validity().toMinutes() + " min: kept until a newer one comes",
                h.usdPerThDay());
    }
}
