package io.containeredge.control.power;

/**
 * What the power guard remembers between cycles.
 *
 * @param transformer the thermal model's temperatures, null before the first cycle
 * @param thermalAllowedKw the import the hot spot allows, POSITIVE_INFINITY while it allows the rating
 * @param emergencyUsedS seconds above the continuous hot-spot limit, leaking back at the budget's rate
 * @param minerLimitKw the miner limit last commanded, POSITIVE_INFINITY before the first cycle
 * @param batteryKw the battery setpoint last commanded (+ discharge, - charge)
 * @param safe whether the fail-safe level is in force
 * @param lastBadMillis when the import reading was last not good, or MIN_VALUE
 * @param overrunSinceMillis when the import went above the rating or cap, MIN_VALUE while under
 * @param lastMillis the previous cycle's time, MIN_VALUE before the first
 * @param batteryShortSinceMillis when the battery began delivering less than commanded, MIN_VALUE while it
 *     follows (see {@link BatteryFollow})
 */
public record PowerState(
        TransformerThermalState transformer,
        double thermalAllowedKw,
        double emergencyUsedS,
        double minerLimitKw,
        double batteryKw,
        boolean safe,
        long lastBadMillis,
        long overrunSinceMillis,
        long lastMillis,
        long batteryShortSinceMillis) {

    public static PowerState initial() {
        return new PowerState(null, Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY, 0, false,
                Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);
    }
}
