package io.containeredge.modbus.poll;

import java.time.Duration;

/**
 * Exponential back-off for a device that stopped answering: initial, 2x, 4x ... capped. While a
 * device backs off it is asked once per interval, so it cannot eat the other devices' poll time.
 */
public record Backoff(Duration initial, Duration max) {

    /** The wait after {@code consecutiveFailures} failed attempts (1 = first failure). */
    public Duration after(int consecutiveFailures) {
        if (consecutiveFailures <= 0) {
            return Duration.ZERO;
        }
        int doublings = Math.min(consecutiveFailures - 1, 30);
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
