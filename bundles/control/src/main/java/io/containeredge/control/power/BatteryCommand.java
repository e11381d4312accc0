package io.containeredge.control.power;

/**
 * What the power guard asks of the battery inverter this cycle. The actuator writes it with a
 * reversion time (see {@link SunSpecBatteryWrites}), so the inverter idles by itself if the gateway
 * stops refreshing it.
 *
 * @param setpointKw AC power at the inverter: positive discharges into the container bus (lowers the
 *     import), negative charges, 0 idles
 * @param reason why, naming the reading or limit
 */
public record BatteryCommand(double setpointKw, String reason) {

    public BatteryCommand {
        if (!Double.isFinite(setpointKw)) {
            throw new IllegalArgumentException("battery setpoint must be finite: " + setpointKw);
        }
    }

    public static BatteryCommand idle(String reason) {
        return new BatteryCommand(0, reason);
    }
}
