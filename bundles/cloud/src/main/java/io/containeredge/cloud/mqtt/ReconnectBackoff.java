package io.containeredge.cloud.mqtt;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential back-off with full jitter: the n-th delay is uniform in [0, min(max, initial × 2^n)).
 * Full jitter spreads a whole site's gateways over the window when a broker comes back, instead of
 * all of them reconnecting in the same instant. Not thread-safe; owned by the connection loop.
 */
public final class ReconnectBackoff {

    private final long initialNanos;
    private final long maxNanos;
    private final Random random;
    private int attempt;

    /** @param random seeded in tests so the delays are reproducible */
    public ReconnectBackoff(Duration initial, Duration max, Random random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max");
        }
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    /** The upper bound of the delay after {@code failures} consecutive failures (0 = first failure). */
    public Duration ceiling(int failures) {
        // shifting past 62 bits overflows; by then the cap has long been reached
        if (failures >= 62 || initialNanos > maxNanos >> failures) {
            return Duration.ofNanos(maxNanos);
        }
        return Duration.ofNanos(Math.min(maxNanos, initialNanos << failures));
    }

    /** The delay before the next attempt; each call counts one more failure. */
    public Duration next() {
        long ceiling = ceiling(attempt).toNanos();
        if (attempt < Integer.MAX_VALUE) {
            attempt++;
        }
        return Duration.ofNanos((long) (random.nextDouble() * ceiling));
    }

    /** After a successful connect the next failure starts again from the initial ceiling. */
    public void reset() {
        attempt = 0;
    }
}
