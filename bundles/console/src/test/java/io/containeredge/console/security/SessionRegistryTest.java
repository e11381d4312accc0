package io.containeredge.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Session expiry on a virtual clock. */
class SessionRegistryTest {

    private static final ConsoleUser ALICE = new ConsoleUser("alice", Role.TECHNICIAN, false);
    private final SessionRegistry sessions = new SessionRegistry(Duration.ofMinutes(15));
    private long now = 5_000_000;

    @Test
    void idsAndCsrfTokensAre256RandomBitsAndNeverRepeat() {
        Session a = sessions.open(ALICE, now);
        Session b = sessions.open(ALICE, now);
        assertEquals(32, Base64.getUrlDecoder().decode(a.id()).length);
        assertEquals(32, Base64.getUrlDecoder().decode(a.csrfToken()).length);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), b.csrfToken());
        assertNotEquals(a.id(), a.csrfToken());
    }

    @Test
    void aSessionEndsAfterFifteenIdleMinutes() {
        Session s = sessions.open(ALICE, now);
        now += Duration.ofMinutes(15).toMillis() - 1;
        assertEquals(s, sessions.find(s.id(), now).orElseThrow());
        now += Duration.ofMinutes(15).toMillis() - 1;
        assertTrue(sessions.find(s.id(), now).isPresent(), "each request restarts the idle time");
        now += Duration.ofMinutes(15).toMillis();
        assertTrue(sessions.find(s.id(), now).isEmpty());
        assertEquals(0, sessions.size(), "an expired session is forgotten");
    }

    @Test
    void aBusySessionStillEndsTwelveHoursAfterLogin() {
        Session s = sessions.open(ALICE, now);
        long login = now;
        while (now + Duration.ofMinutes(10).toMillis() < login + Duration.ofHours(12).toMillis()) {
            now += Duration.ofMinutes(10).toMillis();
            assertTrue(sessions.find(s.id(), now).isPresent());
        }
        now = login + Duration.ofHours(12).toMillis();
        assertTrue(sessions.find(s.id(), now).isEmpty());
    }

    @Test
    void logoutAndPasswordChangesEndSessions() {
        Session a1 = sessions.open(ALICE, now);
        Session a2 = sessions.open(ALICE, now);
        Session a3 = sessions.open(ALICE, now);
        Session bob = sessions.open(new ConsoleUser("bob", Role.VIEWER, false), now);
        sessions.close(a1.id());
        assertTrue(sessions.find(a1.id(), now).isEmpty());
        sessions.closeAllOf("alice", a2.id());
        assertTrue(sessions.find(a2.id(), now).isPresent(), "the session that changed the password stays");
        assertTrue(sessions.find(a3.id(), now).isEmpty());
        assertTrue(sessions.find(bob.id(), now).isPresent());
        assertTrue(sessions.find(null, now).isEmpty());
        assertTrue(sessions.find("made-up", now).isEmpty());
    }

    @Test
    void theNumberOfSessionsIsBoundedByDroppingTheLeastRecentlyUsed() {
        Session first = sessions.open(ALICE, now);
        Session second = sessions.open(ALICE, now + 1);
        for (int i = 2; i < SessionRegistry.MAX_SESSIONS; i++) {
            sessions.open(ALICE, now + 2);
        }
        sessions.find(first.id(), now + 3);
        sessions.open(ALICE, now + 4);
        assertEquals(SessionRegistry.MAX_SESSIONS, sessions.size());
        assertTrue(sessions.find(first.id(), now + 5).isPresent(), "recently used");
        assertTrue(sessions.find(second.id(), now + 5).isEmpty(), "least recently used: dropped");
    }
}
