package io.containeredge.gpio.api;

/**
 * One digital input, already corrected for its wiring's polarity.
 *
 * @param active the condition the input signals is present (e.g. the emergency stop is pressed);
 *     false whenever {@code good} is false, so test {@code good} first
 * @param good the pin was read; false when the I/O is unavailable or the read failed
 */
public record DigitalReading(boolean active, boolean good) {

    /** Not read. */
    public static final DigitalReading UNKNOWN = new DigitalReading(false, false);

    public static DigitalReading of(boolean active) {
        return new DigitalReading(active, true);
    }
}
