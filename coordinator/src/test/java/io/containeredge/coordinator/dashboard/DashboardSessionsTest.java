package io.containeredge.coordinator.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DashboardSessionsTest {

    private final DashboardSessions sessions = new DashboardSessions();

    @Test
    void aSessionLivesWhileUsedUpToTheLongest() {
        String token = sessions.start("operator", 0);
        long idle = DashboardSessions.IDLE.toMillis();
        long t = 0;
        while (t + idle - 1 < DashboardSessions.LONGEST.toMillis()) {
            t += idle - 1;
            assertEquals(Optional.of("operator"), sessions.user(token, t));
        }
        assertTrue(sessions.user(token, DashboardSessions.LONGEST.toMillis()).isEmpty());
    }

    @Test
    void anIdleOrEndedSessionIsGone() {
        String idle = sessions.start("operator", 0);
        assertTrue(sessions.user(idle, DashboardSessions.IDLE.toMillis()).isEmpty());
        String ended = sessions.start("operator", 0);
        assertNotEquals(idle, ended);
        sessions.end(ended);
        assertTrue(sessions.user(ended, 1).isEmpty());
        assertTrue(sessions.user(null, 1).isEmpty());
    }
}
