package io.containeredge.control.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ramp and hold, the dwell per miner and the hourly maximum of changes. */
class PlanHoldTest {

    static final long MIN = 60_000;

    private static PlanHold hold(int holdMin, int dwellMin, int maxPerHour) {
        return new PlanHold(Units.settings(40, Duration.ofMinutes(holdMin), Duration.ofMinutes(dwellMin), maxPerHour));
    }

    @Test
    void theFirstPlanIsFollowedAtOnceAndAChangeOnlyAfterItHeldForTheHoldTime() {
        PlanHold h = hold(15, 0, 60);
        assertEquals(Map.of(0, 3500.0), h.follow(Map.of(0, 3500.0), 0));
        assertEquals(Map.of(0, 3500.0), h.follow(Map.of(0, 0.0), MIN));
        assertEquals(14 * MIN, h.pendingMillis(15 * MIN));
        assertEquals(Map.of(0, 3500.0), h.follow(Map.of(0, 0.0), 16 * MIN - 1), "a millisecond short");
        assertEquals(Map.of(0, 0.0), h.follow(Map.of(0, 0.0), 16 * MIN));
        assertEquals(0, h.pendingMillis(17 * MIN));
    }

    @Test
    void aChangeIsDueAtTheEndOfItsHoldAndNothingIsDueWhileThePlansAgree() {
        PlanHold h = hold(15, 0, 60);
        h.follow(Map.of(0, 3500.0), 0);
        assertEquals(Long.MAX_VALUE, h.dueMillis());
        h.follow(Map.of(0, 0.0), MIN);
        assertEquals(16 * MIN, h.dueMillis());
        h.follow(Map.of(0, 0.0), 16 * MIN);
        assertEquals(Long.MAX_VALUE, h.dueMillis());
    }

    /** Miner 0 asked to run flat out, asleep, flat out and asleep again at these minutes: what it follows each time. */
    private static List<Map<Integer, Double>> onOffOnOff(PlanHold h, long... minutes) {
        List<Map<Integer, Double>> followed = new ArrayList<>();
        for (int i = 0; i < minutes.length; i++) {
            followed.add(h.follow(Map.of(0, i % 2 == 0 ? 3500.0 : 0.0), minutes[i] * MIN));
        }
        return followed;
    }

    @Test
    void aSpikeShorterThanTheHoldTimeMovesNothing() {
        PlanHold h = hold(15, 0, 60);
        onOffOnOff(h, 0, 1, 10, 11);
        assertEquals(Map.of(0, 3500.0), h.follow(Map.of(0, 0.0), 25 * MIN), "the hold started again at 11 min");
        assertEquals(Map.of(0, 0.0), h.follow(Map.of(0, 0.0), 26 * MIN));
    }

    @Test
    void aMinerChangesAgainOnlyAfterItsDwellTime() {
        PlanHold h = hold(0, 10, 60);
        h.follow(Map.of(0, 3500.0, 1, 3500.0), 0);
        assertEquals(Map.of(0, 2000.0, 1, 3500.0), h.follow(Map.of(0, 2000.0, 1, 3500.0), MIN));
        assertEquals(Map.of(0, 2000.0, 1, 0.0), h.follow(Map.of(0, 0.0, 1, 0.0), 2 * MIN),
                "miner 1 may change, miner 0 changed a minute ago");
        assertEquals(Map.of(0, 2000.0, 1, 0.0), h.follow(Map.of(0, 0.0, 1, 0.0), 11 * MIN - 1));
        assertEquals(Map.of(0, 0.0, 1, 0.0), h.follow(Map.of(0, 0.0, 1, 0.0), 11 * MIN), "as soon as it may");
    }

    @Test
    void aMinerChangesAtMostTheHourlyMaximum() {
        PlanHold h = hold(0, 0, 2);
        assertEquals(Map.of(0, 3500.0), onOffOnOff(h, 0, 1, 2, 3).get(3), "two changes this hour already");
        assertEquals(Map.of(0, 3500.0), h.follow(Map.of(0, 0.0), 61 * MIN - 1));
        assertEquals(Map.of(0, 0.0), h.follow(Map.of(0, 0.0), 61 * MIN), "the first change is an hour old");
    }
}
