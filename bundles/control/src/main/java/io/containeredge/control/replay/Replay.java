package io.containeredge.control.replay;

import io.containeredge.control.allocation.AllocatorState;
import io.containeredge.control.allocation.Arbiter;
import io.containeredge.control.allocation.FleetMember;
import io.containeredge.control.allocation.MinerAction;
import io.containeredge.control.allocation.MinerAllocator;
import io.containeredge.control.economics.EconomicUpdates;
import io.containeredge.control.economics.Hashprice;
import io.containeredge.control.economics.PriceSlots;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.control.loop.ControlConfig;
import io.containeredge.control.power.PowerConfig;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.SiteConfig;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Replays the controller's miner decisions over a price series at virtual time, event-driven: a step at every
 * price slot's start and hashprice change, then, only while something is under way, a step a second while the
 * allocator acts (its wake ramp refills by the second, as in the controller's cycles) and every
 * {@link #SETTLE_STEP_MILLIS} while miners wake or go to sleep or the allocator's dwell and sleep-confirm times
 * run; a decision economics holds back is looked at again when its hold time ends. Between steps nothing can
 * change (the prices are constant within a slot), so the time in between is skipped: the replay is exact but for
 * seeing a miner's transition or an allocator timer end up to one settling step late (the controller cycles every
 * 250 ms), and a year of 15-minute slots takes tens of thousands of steps, not the controller's 126 million cycles.
 *
 * <p>Each step is one control cycle of the miners: the fleet as the controller reads it, the strategy's limit
 * sources through {@link io.containeredge.control.limit.LimitSources} and the arbiter, the miners valued by the
 * strategy, {@link MinerAllocator#allocate} with the site's control settings; the fleet then carries the actions
 * out. Energy and work are accounted between steps at the prices in force; at each price slot's end the site's
 * meter ({@link SiteLedger}) adds the firm load, the PV and the battery to the miners' mean draw and prices the import
 * and the export.
 */
public final class Replay {

    /** How often the allocator is run while it acts: its wake budget refills by the second, capped. */
    public static final long RAMP_STEP_MILLIS = 1_000;
    /** How often a step runs while miners wake or go to sleep or the allocator's timers run. */
    public static final long SETTLE_STEP_MILLIS = 10_000;
    /** Prices are handed to the controller's inputs as far ahead as a price update may reach. */
    static final Duration PRICES_AHEAD = EconomicUpdates.MAX_AHEAD;
    /** Never used: live prices cover every moment of a replay. */
    private static final EconomicsSettings.Tariff NO_TARIFF = new EconomicsSettings.Tariff(ZoneOffset.UTC, 0,
            List.of(), 0, Optional.empty());

    private final ReplayInputs in;
    private final ReplayFleet fleet;
    private final Strategy strategy;
    private final Strategy.Decisions decisions;
    private final ControlConfig cfg;
    private final Duration validity;
    private final int windowSlots;
    private final Ledger ledger;
    private final SiteLedger meter;
    private AllocatorState allocator = AllocatorState.initial();
    private int nextSlot;
    private Long nextHashprice;
    private long lastActionMillis = Long.MIN_VALUE;
    /** The miners' energy in the price slot under way. */
    private double slotWh;

    private Replay(SiteConfig site, Strategy strategy, ReplayInputs in, ReplayFleet fleet, SiteEnergy energy,
            Consumer<MeterSlot> slots) {
        this.in = in;
        this.fleet = fleet;
        this.strategy = strategy;
        this.validity = Duration.ofMillis(in.endMillis() - in.startMillis());
        this.cfg = ControlConfig.of(site.limits(), site.control());
        this.meter = new SiteLedger(energy, strategy.usesBattery(), slots);
        double transformerKw = PowerConfig.forSite(cfg).ratingKw();
        this.decisions = strategy.decisions(site, economics(site, in, validity), strategy.kind() != Strategy.Kind.PLAN
                ? Optional.empty() : Optional.of(inputs -> new PlanFollowing(site, energy, inputs, transformerKw,
                        meter::socPct, in.startMillis(), in.endMillis())));
        this.windowSlots = (int) (PRICES_AHEAD.toMillis() / in.prices().get(0).length().toMillis());
        this.ledger = new Ledger(site.miners().count());
        this.nextHashprice = in.hashprice().higherKey(in.startMillis());
    }

    /** Runs {@code strategy} on {@code site}'s miners, {@code fleet}, over the prices of {@code in}: the miners only. */
    public static ReplayResult run(SiteConfig site, Strategy strategy, ReplayInputs in, ReplayFleet fleet) {
        return run(site, strategy, in, fleet, SiteEnergy.MINERS_ONLY, slot -> { });
    }

    /**
     * The same with the site around the miners (firm load, PV, battery, export, import cap), {@code slots} told what
     * the site's meter saw in each price slot.
     */
    public static ReplayResult run(SiteConfig site, Strategy strategy, ReplayInputs in, ReplayFleet fleet,
            SiteEnergy energy, Consumer<MeterSlot> slots) {
        return new Replay(site, strategy, in, fleet, energy, slots).run();
    }

    /**
     * The economics a replay decides with: the site's section (tariff, hold time, dwell, hourly maximum) where it
     * has one, else the defaults, with the replay's hashprice and pool fee; a hashprice of the series never goes
     * stale within the replay.
     */
    static EconomicsSettings economics(SiteConfig site, ReplayInputs in, Duration validity) {
        EconomicsSettings.Hashprice first = new EconomicsSettings.Hashprice(in.hashpriceAt(in.startMillis()),
                in.poolFee(), validity);
        return site.economics()
                .map(e -> new EconomicsSettings(e.tariff(), first, e.holdTime(), e.minDwell(),
                        e.maxStateChangesPerHour()))
                .orElseGet(() -> new EconomicsSettings(NO_TARIFF, first, EconomicsSettings.DEFAULT_HOLD_TIME,
                        EconomicsSettings.DEFAULT_MIN_DWELL, EconomicsSettings.DEFAULT_MAX_STATE_CHANGES_PER_HOUR));
    }

    private ReplayResult run() {
        long end = in.endMillis();
        long now = in.startMillis();
        long last = now;
        double netUsdPerThDay = 0;
        while (now < end) {
            if (now > last) {
                account(fleet.advance(now), (now - last) / 1000.0, netUsdPerThDay);
            }
            if (nextSlot > 0 && nextSlot < in.prices().size() && in.prices().get(nextSlot).startMillis() == now) {
                slotEnded(nextSlot - 1);
            }
            feedInputs(now);
            List<MinerAction> actions = decide(now);
            fleet.apply(actions, now);
            ledger.step(actions.size());
            if (!actions.isEmpty()) {
                lastActionMillis = now;
            }
            netUsdPerThDay = decisions.inputs().hashprice().netUsdPerThDay();
            last = now;
            now = Math.min(nextStep(now, actions), end);
        }
        account(fleet.advance(end), (end - last) / 1000.0, netUsdPerThDay);
        slotEnded(in.prices().size() - 1);
        Optional<PlanFollowing> plan = decisions.plan();
        return ledger.result(strategy.toString(), meter.result(plan.map(PlanFollowing::plans).orElse(0),
                plan.map(PlanFollowing::failures).orElse(0), plan.map(PlanFollowing::solveSeconds).orElse(0.0)));
    }

    private void account(ReplayFleet.Interval done, double seconds, double netUsdPerThDay) {
        ledger.add(done, seconds, netUsdPerThDay);
        slotWh += done.energyWh();
    }

    /** The site's meter over a price slot that has just ended, at its prices (the economics inputs' for import). */
    private void slotEnded(int index) {
        PriceSlots.Slot slot = in.prices().get(index);
        double hours = slot.length().toMillis() / 3_600_000.0;
        meter.slot(slot.startMillis(), hours, slotWh / 1000 / hours, slot.usdPerMwh(),
                decisions.inputs().energyPrice(slot.startMillis()).usdPerMwh(),
                decisions.plan().map(PlanFollowing::target).orElse(null));
        slotWh = 0;
    }

    /** At a slot's start the prices from it on, as a price update brings them; a hashprice when it changes. */
    private void feedInputs(long now) {
        List<PriceSlots.Slot> prices = in.prices();
        if (nextSlot < prices.size() && prices.get(nextSlot).startMillis() == now) {
            decisions.inputs().updatePrices(new PriceSlots(prices.subList(nextSlot,
                    Math.min(prices.size(), nextSlot + windowSlots)), now));
            nextSlot++;
        }
        if (nextHashprice != null && nextHashprice == now) {
            decisions.inputs().updateHashprice(Hashprice.received(in.hashpriceAt(now), in.poolFee(), now, validity));
            nextHashprice = in.hashprice().higherKey(now);
        }
    }

    /** One control cycle of the miners at virtual time {@code now}, both clocks alike. */
    private List<MinerAction> decide(long now) {
        List<FleetMember> members = fleet.members();
        double drawKw = members.stream().mapToDouble(FleetMember::powerW).sum() / 1000;
        double ratedKw = members.stream().mapToDouble(FleetMember::ratedW).sum() / 1000;
        ContainerInputs inputs = new ContainerInputs(now, List.of(), null, drawKw, ratedKw);
        Arbiter.Decision decision = decisions.limits().decide(inputs, new Cycle(null, Map.of(), now, now));
        List<FleetMember> valued = members.stream().map(m -> m.valued(decisions.values().apply(m.index()))).toList();
        MinerAllocator.Outcome outcome = MinerAllocator.allocate(decision, valued, cfg, now, allocator);
        allocator = outcome.state();
        return outcome.actions();
    }

    private long nextStep(long now, List<MinerAction> actions) {
        long next = in.endMillis();
        if (nextSlot < in.prices().size()) {
            next = in.prices().get(nextSlot).startMillis();
        }
        if (nextHashprice != null) {
            next = Math.min(next, nextHashprice);
        }
        if (!actions.isEmpty()) {
            return Math.min(next, now + RAMP_STEP_MILLIS);
        }
        long due = decisions.nextChangeMillis().getAsLong();
        next = Math.min(next, due > now ? due : now + SETTLE_STEP_MILLIS);
        long timers = Math.max(cfg.minDwell().toMillis(), cfg.sleepConfirm().toMillis());
        boolean busy = fleet.settlesAtMillis() > now
                || lastActionMillis != Long.MIN_VALUE && now - lastActionMillis <= timers;
        return busy ? Math.min(next, now + SETTLE_STEP_MILLIS) : next;
    }
}
