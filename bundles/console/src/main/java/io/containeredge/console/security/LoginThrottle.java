package io.containeredge.console.security;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing down, per user name and per client address: after {@link #FREE_FAILURES}
 * failures in a row a key is locked for {@link #FIRST_LOCK}, and every further failure after a lock
 * doubles it up to {@link #MAX_LOCK}. A success clears the user name's count only, so an attacker who
 * owns one account cannot clear the count of the address guessing at the others. Failures are forgotten
 * after {@link #FORGET_AFTER} without one. The name is counted whether or not the user exists, so the
 * answers do not tell which names exist. Pure: the time is an argument.
 */
public final class LoginThrottle {

    public static final int FREE_FAILURES = 5;
    public static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    public static final Duration MAX_LOCK = Duration.ofMinutes(15);
    public static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** A bound on memory under a flood of invented names; unlocked keys are dropped first. */
    static final int MAX_KEYS = 10_000;
    private static final int MAX_NAME_KEY = 64;

    private final Map<String, Failures> keys = new HashMap<>();

    private static final class Failures {
        int count;
        long lastFailureMillis;
        long lockedUntilMillis;
    }

    /** How long this login must still wait, or empty when it may be tried now. */
    public synchronized Optional<Duration> lockout(String name, String address, long nowMillis) {
        long until = Math.max(lockedUntil(nameKey(name)), lockedUntil(addressKey(address)));
        return until > nowMillis ? Optional.of(Duration.ofMillis(until - nowMillis)) : Optional.empty();
    }

    /** Counts a failed login; returns the lockout it caused, if any. */
    public synchronized Optional<Duration> failed(String name, String address, long nowMillis) {
        fail(nameKey(name), nowMillis);
        fail(addressKey(address), nowMillis);
        bound(nowMillis);
        return lockout(name, address, nowMillis);
    }

    /** A successful login clears the user name's failures. */
    public synchronized void succeeded(String name) {
        keys.remove(nameKey(name));
    }

    synchronized int trackedKeys() {
        return keys.size();
    }

    /** The lock after the {@code failures}-th failure in a row: none below the threshold, then doubling. */
    static Duration lockFor(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 30);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    private void fail(String key, long nowMillis) {
        Failures f = keys.computeIfAbsent(key, k -> new Failures());
        if (nowMillis - f.lastFailureMillis >= FORGET_AFTER.toMillis() && f.lockedUntilMillis <= nowMillis) {
            f.count = 0;
        }
        f.count++;
        f.lastFailureMillis = nowMillis;
        Duration lock = lockFor(f.count);
        if (!lock.isZero()) {
            f.lockedUntilMillis = nowMillis + lock.toMillis();
        }
    }

    private long lockedUntil(String key) {
        Failures f = keys.get(key);
        return f == null ? 0 : f.lockedUntilMillis;
    }

    /** Over the bound, forgets down to 90 % of it at once (so a flood costs one sort per thousand keys), unlocked keys first. */
    private void bound(long nowMillis) {
        if (keys.size() <= MAX_KEYS) {
            return;
        }
        keys.values().removeIf(f -> f.lockedUntilMillis <= nowMillis
                && nowMillis - f.lastFailureMillis >= FORGET_AFTER.toMillis());
        int excess = keys.size() - MAX_KEYS * 9 / 10;
        if (excess <= 0) {
            return;
        }
        keys.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Failures> e) -> e.getValue().lockedUntilMillis > nowMillis)
                        .thenComparingLong(e -> e.getValue().lastFailureMillis))
                .limit(excess).map(Map.Entry::getKey).toList()
                .forEach(keys::remove);
    }

    private static String nameKey(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return "name:" + (n.length() > MAX_NAME_KEY ? n.substring(0, MAX_NAME_KEY) : n);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
