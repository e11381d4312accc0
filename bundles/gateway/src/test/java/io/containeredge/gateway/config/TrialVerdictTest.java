package io.containeredge.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.gateway.api.ControlHealth;
import io.containeredge.gateway.config.TrialVerdict.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrialVerdictTest {

    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final Set<String> BEFORE = Set.of("cdu", "meter", "pdu-01");
    private static final Set<String> ENABLED = Set.of("cdu", "meter", "pdu-01");

    /** A loop at 250 ms that has run 10 minutes, its last cycle just now, no overrun. */
    private static final ControlHealth.Sample RUNNING = new ControlHealth.Sample(2400, 40, 0, 100);

    private static TrialVerdict at(Set<String> enabled, Set<String> online, long seconds) {
        return TrialVerdict.judge(new TrialVerdict.Devices(BEFORE, enabled, online), true, RUNNING, GRACE,
                Duration.ofSeconds(seconds));
    }

    /** Every device back, the loop as given, the grace passed. */
    private static TrialVerdict loop(boolean before, ControlHealth.Sample now) {
        return TrialVerdict.judge(new TrialVerdict.Devices(BEFORE, ENABLED, BEFORE), before, now, GRACE, GRACE);
    }

    @Test
    void pendingDuringTheGracePeriodEvenWithEveryDeviceOffline() {
        assertEquals(Outcome.PENDING, at(ENABLED, Set.of(), 0).outcome());
        assertEquals(Outcome.PENDING, at(ENABLED, Set.of(), 59).outcome());
    }

    @Test
    void goodWhenEveryDeviceOnlineBeforeIsOnlineAfterTheGracePeriod() {
        assertEquals(new TrialVerdict(Outcome.GOOD, List.of(), null), at(ENABLED, BEFORE, 60));
    }

    @Test
    void rollBackNamingTheDevicesStillOffline() {
        assertEquals(new TrialVerdict(Outcome.ROLL_BACK, List.of("meter", "pdu-01"), null), at(ENABLED, Set.of("cdu"), 61));
    }

    @Test
    void aDeviceTheVersionRemovedOrDisabledIsNotExpectedOnline() {
        assertEquals(Outcome.GOOD, at(Set.of("cdu", "meter"), Set.of("cdu", "meter"), 60).outcome());
    }

    @Test
    void aDeviceOfflineBeforeTheChangeDoesNotCount() {
        TrialVerdict v = TrialVerdict.judge(new TrialVerdict.Devices(Set.of("cdu"), Set.of("cdu", "meter", "new-meter"),
                Set.of("cdu")), true, RUNNING, GRACE, GRACE);
        assertEquals(Outcome.GOOD, v.outcome());
    }

    @Test
    void nothingOnlineBeforeMeansNothingToLose() {
        assertEquals(Outcome.GOOD, TrialVerdict.judge(new TrialVerdict.Devices(Set.of(), ENABLED, Set.of()), true,
                RUNNING, GRACE, GRACE).outcome());
    }

    @Test
    void aLoopThatRanBeforeAndCompletesNoCycleUnderTheVersionRollsItBack() {
        TrialVerdict v = loop(true, new ControlHealth.Sample(0, 0, 0, 60_000));
        assertEquals(Outcome.ROLL_BACK, v.outcome());
        assertEquals(List.of(), v.offline());
        assertEquals("the control loop completed no cycle", v.reason(GRACE));
    }

    @Test
    void noLoopRegisteredWhenOneRanBeforeRollsBack() {
        // e.g. control.cycle 0ms: the control component fails to start and registers nothing
        assertEquals(new TrialVerdict(Outcome.ROLL_BACK, List.of(), "the control loop is not running"), loop(true, null));
    }

    @Test
    void aLoopThatStalledAfterItsFirstCyclesRollsBack() {
        TrialVerdict v = loop(true, new ControlHealth.Sample(12, 12, 0, 45_000));
        assertEquals(Outcome.ROLL_BACK, v.outcome());
        assertTrue(v.loopProblem().contains("stalled: last cycle 45 s ago"), v.loopProblem());
    }

    @Test
    void aLoopThatOverrunsPersistentlyRollsBackButOccasionalOverrunsDoNot() {
        TrialVerdict v = loop(true, new ControlHealth.Sample(240, 40, 20, 300));
        assertEquals(Outcome.ROLL_BACK, v.outcome());
        assertEquals("the control loop overran 20 of its last 40 cycles", v.loopProblem());
        assertEquals(Outcome.GOOD, loop(true, new ControlHealth.Sample(240, 40, 19, 300)).outcome());
        assertEquals(Outcome.GOOD, loop(true, new ControlHealth.Sample(10, 10, 10, 300)).outcome(),
                "too few cycles to call it persistent");
    }

    @Test
    void aLoopThatDidNotRunBeforeTheVersionIsNotExpectedToRunUnderIt() {
        assertEquals(Outcome.GOOD, loop(false, null).outcome());
        assertEquals(Outcome.GOOD, loop(false, new ControlHealth.Sample(0, 0, 0, 60_000)).outcome());
    }

    @Test
    void theLoopIsNotJudgedDuringTheGracePeriod() {
        assertEquals(Outcome.PENDING, TrialVerdict.judge(new TrialVerdict.Devices(BEFORE, ENABLED, BEFORE), true, null,
                GRACE, GRACE.minusSeconds(1)).outcome());
    }

    @Test
    void aRollbackForDevicesAndTheLoopSaysBoth() {
        TrialVerdict v = TrialVerdict.judge(new TrialVerdict.Devices(BEFORE, ENABLED, Set.of("cdu", "pdu-01")), true,
                new ControlHealth.Sample(0, 0, 0, 60_000), GRACE, GRACE);
        assertEquals("online before, offline 60 s after: meter; the control loop completed no cycle", v.reason(GRACE));
    }
}
