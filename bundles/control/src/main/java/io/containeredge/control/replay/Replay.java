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
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.SiteConfig;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * out. Energy and work are accounted between steps at the prices in force.
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
    private AllocatorState allocator = AllocatorState.initial();
    private int nextSlot;
    private Long nextHashprice;
    private long lastActionMillis = Long.MIN_VALUE;

    private Replay(SiteConfig site, Strategy strategy, ReplayInputs in, ReplayFleet fleet) {
        this.in = in;
        this.fleet = fleet;
        this.strategy = strategy;
        this.validity = Duration.ofMillis(in.endMillis() - in.startMillis());
        this.decisions = strategy.decisions(site, economics(site, in, validity));
        this.cfg = ControlConfig.of(site.limits(), site.control());
        this.windowSlots = (int) (PRICES_AHEAD.toMillis() / in.prices().get(0).length().toMillis());
        this.ledger = new Ledger(site.miners().count());
        this.nextHashprice = in.hashprice().higherKey(in.startMillis());
    }

    /** Runs {@code strategy} on {@code site}'s miners, {@code fleet}, over the prices of {@code in}. */
    public static ReplayResult run(SiteConfig site, Strategy strategy, ReplayInputs in, ReplayFleet fleet) {
        return new Replay(site, strategy, in, fleet).run();
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
        double usdPerMwh = 0;
        double netUsdPerThDay = 0;
        while (now < end) {
            if (now > last) {
                ledger.add(fleet.advance(now), (now - last) / 1000.0, usdPerMwh, netUsdPerThDay);
            }
            feedInputs(now);
            List<MinerAction> actions = decide(now);
            fleet.apply(actions, now);
            ledger.step(actions.size());
            if (!actions.isEmpty()) {
                lastActionMillis = now;
            }
            usdPerMwh = decisions.inputs().energyPrice(now).usdPerMwh();
            netUsdPerThDay = decisions.inputs().hashprice().netUsdPerThDay();
            last = now;
            now = Math.min(nextStep(now, actions), end);
        }
        ledger.add(fleet.advance(end), (end - last) / 1000.0, usdPerMwh, netUsdPerThDay);
        return ledger.result(strategy.toString());
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
