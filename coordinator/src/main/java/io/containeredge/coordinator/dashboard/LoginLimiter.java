package io.containeredge.coordinator.dashboard;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slows password guessing, per user name and per client address: after {@link #FREE} failures in a row the key is
 * locked for {@link #FIRST_LOCK}, and each further failure doubles the lock up to {@link #LONGEST}.
 * A success clears only the name's count (an attacker owning one account cannot clear their address). Names are
 * counted whether they exist or not, so the answers do not tell which do. Pure: the time is an argument.
 */
final class LoginLimiter {

    static final int FREE = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST = Duration.ofMinutes(15);
    /** A key without a failure for this long starts again from nothing. */
    static final Duration MEMORY = Duration.ofHours(1);
    /** Invented names must not fill the memory: past this, keys neither locked nor recent are forgotten. */
    static final int MAX_KEYS = 10_000;

    private record Strikes(int count, long lastMillis, long lockedUntilMillis) {
    }

    private final Map<String, Strikes> strikes = new HashMap<>();

    /** How long this attempt must still wait, zero when it may be tried now. */
    synchronized Duration wait(String name, String address, long nowMillis) {
        long until = Math.max(lockedUntil("n:" + key(name)), lockedUntil("a:" + address));
        return Duration.ofMillis(Math.max(0, until - nowMillis));
    }

    synchronized void failed(String name, String address, long nowMillis) {
        strike("n:" + key(name), nowMillis);
        strike("a:" + address, nowMillis);
        if (strikes.size() > MAX_KEYS) {
            strikes.values().removeIf(s -> s.lockedUntilMillis() <= nowMillis
                    && nowMillis - s.lastMillis() >= FIRST_LOCK.toMillis());
        }
    }

    synchronized void succeeded(String name) {
        strikes.remove("n:" + key(name));
    }

    /** The lock the {@code count}-th failure in a row sets. */
    static Duration lockAfter(int count) {
        if (count < FREE) {
            return Duration.ZERO;
        }
        long millis = FIRST_LOCK.toMillis() << Math.min(count - FREE, 20);
        return Duration.ofMillis(Math.min(millis, LONGEST.toMillis()));
    }

    private void strike(String key, long nowMillis) {
        Strikes before = strikes.get(key);
        int count = before == null || nowMillis - before.lastMillis() >= MEMORY.toMillis() ? 1 : before.count() + 1;
        strikes.put(key, new Strikes(count, nowMillis, nowMillis + lockAfter(count).toMillis()));
    }

    private long lockedUntil(String key) {
        Strikes s = strikes.get(key);
        return s == null ? 0 : s.lockedUntilMillis();
    }

    private static String key(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return n.length() > 64 ? n.substring(0, 64) : n;
    }
}
