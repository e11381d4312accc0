package io.containeredge.control.watchdog;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.ControlStatus;
import java.util.Locale;

/**
 * The line {@code systemctl status containeredge} shows under "Status:": what a technician at the
 * gateway wants first, without opening the console. Only slow-changing facts go in it (no cycle
 * counter), so it is sent to systemd when something happened, not every cycle.
 */
public final class ServiceStatusLine {

    private ServiceStatusLine() {
    }

    /** E.g. {@code thermal normal, 240/240 miners awake, 0 unreachable, limit: power, 1 critical, 2 warnings}. */
    public static String of(ControlStatus status) {
        long critical = count(status, Severity.CRITICAL);
        long warnings = count(status, Severity.WARNING);
        return "thermal " + status.thermalStage().toLowerCase(Locale.ROOT)
                + ", " + status.minersAwake() + "/" + status.minersTotal() + " miners awake, "
                + status.minersUnreachable() + " unreachable"
                // the guard only: its reason carries readings that change every cycle
                + ", limit: " + status.bindingGuard()
                + ", " + critical + " critical, " + warnings + (warnings == 1 ? " warning" : " warnings");
    }

    private static long count(ControlStatus status, Severity severity) {
        return status.conditions().stream().map(AlarmCondition::severity).filter(severity::equals).count();
    }
}
