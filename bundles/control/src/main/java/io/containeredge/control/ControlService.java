package io.containeredge.control;

import io.containeredge.control.alarm.Alarm;
import io.containeredge.control.miner.CommandOutcome;
import java.time.Duration;
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

    /**
     * Lowers (or raises, up to the site's cap) the import cap until a time, e.g. for a demand-response
     * event. Checked here, the one path for the API, the console and the cloud.
     *
     * @throws IllegalArgumentException with the reason when the command is refused; nothing changes
     */
    void overrideImportCap(double capKw, Duration duration, String source);

    /** The outcomes of the latest miner commands (sleep, wake, power target), newest last. */
    List<CommandOutcome> recentCommands();

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
