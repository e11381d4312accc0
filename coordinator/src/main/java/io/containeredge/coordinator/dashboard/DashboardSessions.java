package io.containeredge.coordinator.dashboard;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Logged-in browsers, in memory: a restart or a takeover by the standby asks for a login again, which is the price of
 * keeping no session state to hand over. The id is 32 random bytes and travels only in the HttpOnly cookie.
 */
final class DashboardSessions {

    /** The page polls every 2 s, so an open page stays logged in; a closed one is forgotten after this. */
    static final Duration IDLE = Duration.ofMinutes(30);
    /** Even a page left open logs in again after this. */
    static final Duration LONGEST = Duration.ofHours(12);

    private record Session(String user, long startedMillis, long seenMillis) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new HashMap<>();

    synchronized String start(String user, long nowMillis) {
        sessions.values().removeIf(s -> expired(s, nowMillis));
        byte[] id = new byte[32];
        random.nextBytes(id);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(token, new Session(user, nowMillis, nowMillis));
        return token;
    }

    /** The user of a live session, which this use keeps alive. */
    synchronized Optional<String> user(String token, long nowMillis) {
        Session s = token == null ? null : sessions.get(token);
        if (s == null || expired(s, nowMillis)) {
            if (s != null) {
                sessions.remove(token);
            }
            return Optional.empty();
        }
        sessions.put(token, new Session(s.user(), s.startedMillis(), nowMillis));
        return Optional.of(s.user());
    }

    synchronized void end(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    private static boolean expired(Session s, long nowMillis) {
        return nowMillis - s.seenMillis() >= IDLE.toMillis() || nowMillis - s.startedMillis() >= LONGEST.toMillis();
    }
}
