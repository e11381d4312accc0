package io.containeredge.console.security;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Console sessions, in memory (a restart logs everyone out, which is what a restarted controller should
 * do). A session ends after {@code idle} without a request and, however busy, {@link #ABSOLUTE_LIFETIME}
 * after login. Times come from the caller, so expiry is tested on a virtual clock.
 */
public final class SessionRegistry {

    public static final Duration ABSOLUTE_LIFETIME = Duration.ofHours(12);
    /** 256-bit ids: not guessable, not enumerable. */
    private static final int ID_BYTES = 32;
    private static final int CSRF_BYTES = 32;
    /** A bound on memory whatever the number of logins; the least recently used session goes first. */
    static final int MAX_SESSIONS = 256;

    private final long idleMillis;
    private final Map<String, Session> sessions = new HashMap<>();

    public SessionRegistry(Duration idle) {
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive, got " + idle);
        }
        this.idleMillis = idle.toMillis();
    }

    /** A new session with fresh id and CSRF token (never a reused id: no session fixation). */
    public synchronized Session open(ConsoleUser user, long nowMillis) {
        dropExpired(nowMillis);
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(Comparator.comparingLong(Session::lastSeenMillis))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
        Session s = new Session(SecretTokens.random(ID_BYTES), user, SecretTokens.random(CSRF_BYTES), nowMillis);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, marked as used now; empty (and forgotten) when it has expired. */
    public synchronized Optional<Session> find(String id, long nowMillis) {
        Session s = id == null ? null : sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (expired(s, nowMillis)) {
            sessions.remove(id);
            return Optional.empty();
        }
        s.seen(nowMillis);
        return Optional.of(s);
    }

    public synchronized void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of {@code name} except {@code keepId} (which may be null): after a password change or deletion. */
    public synchronized void closeAllOf(String name, String keepId) {
        sessions.values().removeIf(s -> s.user().name().equals(name) && !s.id().equals(keepId));
    }

    public synchronized int size() {
        return sessions.size();
    }

    private boolean expired(Session s, long nowMillis) {
        return nowMillis - s.lastSeenMillis() >= idleMillis
                || nowMillis - s.createdMillis() >= ABSOLUTE_LIFETIME.toMillis();
    }

    private void dropExpired(long nowMillis) {
        sessions.values().removeIf(s -> expired(s, nowMillis));
    }
}
