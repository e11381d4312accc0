package io.containeredge.control.power;

/**
 * What the power guard asks of the battery inverter this cycle. The actuator writes it with a
 * reversion time (see {@link SunSpecBatteryWrites}), so the inverter idles by itself if the gateway
 * stops refreshing it.
 *
 * @param setpointKw AC power at the inverter: positive discharges into the container bus (lowers the
 *     import), negative charges, 0 idles
 * @param reason why, naming the reading or limit
 * @param immediate whether the setpoint must be applied at once rather than ramped
 */
public record BatteryCommand(double setpointKw, String reason, boolean immediate) {

    public BatteryCommand {
        if (!Double.isFinite(setpointKw)) {
            throw new IllegalArgumentException("battery setpoint must be finite: " + setpointKw);
        }
    }

    /** A setpoint the power guard may ramp towards. */
    public BatteryCommand(double setpointKw, String reason) {
        this(setpointKw, reason, false);
    }

    public static BatteryCommand idle(String reason) {
        return new BatteryCommand(0, reason);
    }

    /** Idle at once, never ramped: the battery must stop (bad reading, reserve reached). */
    public static BatteryCommand stop(String reason) {
        return new BatteryCommand(0, reason, true);
    }
}
