package io.containeredge.control.thermal;

import io.containeredge.control.estop.LatchFile;

/**
 * What the thermal guard remembers between cycles.
 *
 * @param curtailKw the miner power allowed while in WARNING (stepped down each cycle)
 * @param latchReason why the guard tripped; a trip stays until a person resets it
 * @param lastBadMillis when a needed reading was last not good (fail-safe hold), or MIN_VALUE
 * @param lastMillis the previous cycle's time, for rates
 */
public record ThermalState(Stage stage, double curtailKw, String latchReason, long lastBadMillis, long lastMillis) {

    /** Where the cooling loop stands. */
    public enum Stage {
        NORMAL,
        WARNING,
        SAFE,
        TRIPPED
    }

    public static ThermalState initial() {
        return new ThermalState(Stage.NORMAL, Double.POSITIVE_INFINITY, null, Long.MIN_VALUE, Long.MIN_VALUE);
    }

    /** A trip restored after a restart ({@link LatchFile}): latched as before, until a person resets it. */
    public static ThermalState restoredTrip(String latchReason) {
        return new ThermalState(Stage.TRIPPED, 0, latchReason, Long.MIN_VALUE, Long.MIN_VALUE);
    }

    public boolean tripped() {
        return stage == Stage.TRIPPED;
    }
}
