package io.containeredge.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.allocation.FleetMember;
import io.containeredge.control.allocation.MinerAction;
import io.containeredge.control.economics.PriceSlots;
import io.containeredge.control.replay.Replay;
import io.containeredge.control.replay.ReplayFleet;
import io.containeredge.control.replay.ReplayInputs;
import io.containeredge.control.replay.Strategy;
import io.containeredge.site.api.SiteConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The value strategy on the mixed container (40 S19j Pro-class, 160 S21-class, 40 M56S-class) at 0.045 USD/TH/day:
 * an hour at 30 USD/MWh (every unit pays flat out), then 90 USD/MWh, above the S19j Pro-class units' breakeven
 * (85 USD/MWh at their best step) and below the others'.
 */
class ValueReplayTest {

    static final long STEP_MILLIS = Duration.ofHours(1).toMillis();
    static final long HOLD_MILLIS = Duration.ofMinutes(15).toMillis();

    /** Every action with its time, passed on to the fleet. */
    private record Recorded(long atMillis, MinerAction action) {
    }

    private static List<Recorded> replayPriceStep() throws Exception {
        SiteConfig site = Sites.mixed();
        List<PriceSlots.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            slots.add(new PriceSlots.Slot(i * 900_000L, Duration.ofMinutes(15), i < 4 ? 30 : 90));
        }
        VirtualFleet fleet = new VirtualFleet(site, 0);
        List<Recorded> recorded = new ArrayList<>();
        ReplayFleet recording = new ReplayFleet() {
            @Override
            public List<FleetMember> members() {
                return fleet.members();
            }

            @Override
            public void apply(List<MinerAction> actions, long nowMillis) {
                actions.forEach(a -> recorded.add(new Recorded(nowMillis, a)));
                fleet.apply(actions, nowMillis);
            }

            @Override
            public Interval advance(long toMillis) {
                return fleet.advance(toMillis);
            }

            @Override
            public long settlesAtMillis() {
                return fleet.settlesAtMillis();
            }
        };
        Replay.run(site, Strategy.VALUE, new ReplayInputs(slots, new TreeMap<>(Map.of(0L, 0.045)), 0.02), recording);
        return recorded;
    }

    private static boolean s19jPro(int index) {
        return index < 40;
    }

    @Test
    void nothingMovesBeforeThePriceStepHasHeldForTheHoldTime() throws Exception {
        List<Recorded> recorded = replayPriceStep();
        assertFalse(recorded.isEmpty());
        assertEquals(STEP_MILLIS + HOLD_MILLIS, recorded.get(0).atMillis(), "the first action, at step + hold");
    }

    @Test
    void theLeastEfficientUnitsAreCurtailedFirstAndOnlyTheySleep() throws Exception {
        List<Recorded> recorded = replayPriceStep();
        List<MinerAction> first = recorded.stream().filter(r -> r.atMillis() == recorded.get(0).atMillis())
                .map(Recorded::action).toList();
        assertTrue(s19jPro(first.get(0).index()), "curtailed first: an S19j Pro-class unit, " + first.get(0));
        List<Integer> asleep = recorded.stream().map(Recorded::action).filter(a -> a.kind() == MinerAction.Kind.SLEEP)
                .map(MinerAction::index).distinct().sorted().toList();
        assertEquals(40, asleep.size(), asleep::toString);
        assertTrue(asleep.stream().allMatch(ValueReplayTest::s19jPro), "only S19j Pro-class units asleep: " + asleep);
        assertTrue(recorded.stream().map(Recorded::action).anyMatch(a -> !s19jPro(a.index())
                && a.kind() == MinerAction.Kind.POWER_TARGET), "the others at lower power targets");
    }
}
