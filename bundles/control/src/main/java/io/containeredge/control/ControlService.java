package io.containeredge.control;

import io.containeredge.control.alarm.Alarm;
import java.util.List;

/** The running controller as other bundles (API, console, cloud) see it. */
public interface ControlService {

    /** The last cycle's picture, or null before the first cycle. */
    ControlStatus status();

    /**
     * Asks to reset a latched trip. Taken at the next cycle and refused there while the cause is still
     * present; the outcome shows in {@link #status()}.
     */
    void requestReset();

    /** Alarms raised and not yet cleared, oldest first. */
    List<Alarm> activeAlarms();

    /** Active and cleared alarms, newest first, at most {@code max}. */
    List<Alarm> alarmHistory(int max);

    /**
     * Acknowledges an alarm (recorded with who and when, kept across restarts).
     *
     * @return false if there is no such alarm or it was already acknowledged
     */
    boolean acknowledge(String alarmId, String who);
}
