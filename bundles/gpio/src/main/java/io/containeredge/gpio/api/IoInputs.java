package io.containeredge.gpio.api;

/**
 * The gateway's three hard-wired inputs at one moment. As with every other reading, one that is not
 * {@link DigitalReading#good() good} must be treated as the worst case (a pressed emergency stop, an
 * open door, a leak).
 */
public record IoInputs(DigitalReading emergencyStop, DigitalReading door, DigitalReading leak) {

    /** What a gateway without I/O reads. */
    public static final IoInputs UNAVAILABLE = new IoInputs(DigitalReading.UNKNOWN, DigitalReading.UNKNOWN,
            DigitalReading.UNKNOWN);
}
