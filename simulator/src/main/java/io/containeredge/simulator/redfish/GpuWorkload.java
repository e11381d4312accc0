package io.containeredge.simulator.redfish;

import java.util.Locale;

/** What a simulated GPU server is running, which sets its power draw before any cap. */
public enum GpuWorkload {
    /** Powered on, no job: about 15 % of rated. */
    IDLE,
    /** Serving models: follows the local hour of the day, 35-80 % of rated, with a little noise. */
    INFERENCE,
    /** A training job: swings between two levels within seconds, with checkpoint pauses every few minutes. */
    TRAINING;

    /** {@code idle}, {@code inference} or {@code training}, case-insensitive. */
    public static GpuWorkload parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("workload must be idle, inference or training, got '" + text + "'");
        }
    }
}
