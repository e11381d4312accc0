package io.containeredge.console.auth;

/**
 * A token bucket on a monotonic clock: holds up to {@code burst} tokens, refilled at {@code perMinute}; each
 * admitted event takes one. Not thread-safe: its owner synchronises.
 */
final class TokenBucket {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final int burst;
    private final double perNano;
    private double tokens;
    private long lastNanos;

    TokenBucket(int burst, double perMinute, long nowNanos) {
        this.burst = burst;
        this.perNano = perMinute / NANOS_PER_MINUTE;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Whether a token is there now (without taking it). */
    boolean hasToken(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1;
    }

    /** Takes a token; call only after {@link #hasToken} said there is one. */
    void take() {
        tokens -= 1;
    }

    private void refill(long nowNanos) {
        // nanoTime differences are monotonic; a negative one (never expected) adds nothing
        long elapsed = Math.max(0, nowNanos - lastNanos);
        tokens = Math.min(burst, tokens + elapsed * perNano);
        lastNanos = nowNanos;
    }
}
