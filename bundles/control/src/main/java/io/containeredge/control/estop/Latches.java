package io.containeredge.control.estop;

/**
 * The latches a person must reset, as kept on disk across restarts ({@link LatchFile}).
 *
 * @param thermalTrip why the thermal guard tripped, or null when it is not tripped
 * @param emergencyStop whether the emergency stop is latched
 */
public record Latches(String thermalTrip, boolean emergencyStop) {

    /** Nothing latched: a first start, or every latch reset. */
    public static final Latches NONE = new Latches(null, false);
}
