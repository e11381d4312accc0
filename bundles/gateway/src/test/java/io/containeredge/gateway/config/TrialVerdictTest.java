package io.containeredge.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.gateway.config.TrialVerdict.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrialVerdictTest {

    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final Set<String> BEFORE = Set.of("cdu", "meter", "pdu-01");
    private static final Set<String> ENABLED = Set.of("cdu", "meter", "pdu-01");

    private static TrialVerdict at(Set<String> enabled, Set<String> online, long seconds) {
        return TrialVerdict.judge(BEFORE, enabled, online, GRACE, Duration.ofSeconds(seconds));
    }

    @Test
    void pendingDuringTheGracePeriodEvenWithEveryDeviceOffline() {
        assertEquals(Outcome.PENDING, at(ENABLED, Set.of(), 0).outcome());
        assertEquals(Outcome.PENDING, at(ENABLED, Set.of(), 59).outcome());
    }

    @Test
    void goodWhenEveryDeviceOnlineBeforeIsOnlineAfterTheGracePeriod() {
        assertEquals(new TrialVerdict(Outcome.GOOD, List.of()), at(ENABLED, BEFORE, 60));
    }

    @Test
    void rollBackNamingTheDevicesStillOffline() {
        assertEquals(new TrialVerdict(Outcome.ROLL_BACK, List.of("meter", "pdu-01")), at(ENABLED, Set.of("cdu"), 61));
    }

    @Test
    void aDeviceTheVersionRemovedOrDisabledIsNotExpectedOnline() {
        assertEquals(Outcome.GOOD, at(Set.of("cdu", "meter"), Set.of("cdu", "meter"), 60).outcome());
    }

    @Test
    void aDeviceOfflineBeforeTheChangeDoesNotCount() {
        TrialVerdict v = TrialVerdict.judge(Set.of("cdu"), Set.of("cdu", "meter", "new-meter"), Set.of("cdu"), GRACE,
                GRACE);
        assertEquals(Outcome.GOOD, v.outcome());
    }

    @Test
    void nothingOnlineBeforeMeansNothingToLose() {
        assertEquals(Outcome.GOOD, TrialVerdict.judge(Set.of(), ENABLED, Set.of(), GRACE, GRACE).outcome());
    }
}
