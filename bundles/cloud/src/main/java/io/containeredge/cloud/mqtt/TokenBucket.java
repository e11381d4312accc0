package io.containeredge.cloud.mqtt;

import java.util.function.LongSupplier;

/**
 * Token bucket limiting how fast the queue is drained, so a backlog after an outage reaches the
 * broker at a steady rate instead of all at once. Refills continuously at {@code ratePerSecond} up to
 * {@code capacity} tokens (the largest burst). Not thread-safe; owned by the connection loop.
 */
final class TokenBucket {

    private final double ratePerNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    /** @param nanoClock {@code System::nanoTime}, or a virtual clock in tests */
    TokenBucket(double ratePerSecond, double capacity, LongSupplier nanoClock) {
        if (!(ratePerSecond > 0) || capacity < 1) {
            throw new IllegalArgumentException("token bucket needs rate > 0 and capacity >= 1");
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.capacity = capacity;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.last = nanoClock.getAsLong();
    }

    /** Takes as many whole tokens as available, at most {@code wanted}; returns how many were taken. */
    int takeUpTo(int wanted) {
        refill();
        int taken = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= taken;
        return taken;
    }

    /** Nanoseconds until at least one whole token is available (0 if one is). */
    long nanosUntilToken() {
        refill();
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerNano);
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
        last = now;
    }
}
