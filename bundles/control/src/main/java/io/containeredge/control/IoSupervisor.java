package io.containeredge.control;

import io.containeredge.control.AlarmCondition.Severity;
import io.containeredge.gpio.api.DigitalReading;
import io.containeredge.gpio.api.GatewayIo;
import io.containeredge.gpio.api.IoInputs;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's hard-wired I/O in the control cycle: the emergency stop as a guard, the door and leak
 * contacts as alarms, the beacon on any critical alarm. Where the gateway has no I/O (a plain PC) it
 * reports that once as information and adds no guard, so the container still runs.
 */
final class IoSupervisor {

    private final GatewayIo io;
    private boolean estopLatched;
    private Reading lastEstop = Reading.bad("io/emergency_stop", "not read yet");

    IoSupervisor(GatewayIo io) {
        this.io = io;
    }

    /** The e-stop verdict (or none without I/O) and the contacts' alarms, for this cycle. */
    List<Verdict> evaluate() {
        if (!io.available()) {
            return List.of();
        }
        IoInputs in = io.read();
        lastEstop = reading("io/emergency_stop", in.emergencyStop());
        EmergencyStopGuard.Outcome o = EmergencyStopGuard.evaluate(lastEstop, estopLatched);
        estopLatched = o.latched();
        List<AlarmCondition> contacts = new ArrayList<>();
        contact(contacts, in.door(), "io.door", Severity.WARNING, "container door open");
        contact(contacts, in.leak(), "io.leak", Severity.CRITICAL, "leak contact active");
        Verdict contactAlarms = new Verdict("io", Double.POSITIVE_INFINITY, false, "contacts", contacts);
        return List.of(o.verdict(), contactAlarms);
    }

    /** A person's reset of a latched emergency stop; kept while the button is pressed. */
    void reset() {
        estopLatched = EmergencyStopGuard.reset(lastEstop, estopLatched);
    }

    void beacon(boolean on) {
        io.beacon(on);
    }

    /** Information the console shows when the gateway has no I/O. */
    List<AlarmCondition> status() {
        return io.available() ? List.of() : List.of(new AlarmCondition("io.unavailable", Severity.INFO, "io",
                "gateway I/O " + io.status(), Double.NaN));
    }

    private static void contact(List<AlarmCondition> alarms, DigitalReading r, String id, Severity severity,
            String message) {
        if (!r.good()) {
            alarms.add(new AlarmCondition(id + "-unreadable", Severity.WARNING, id, message + ": input unreadable",
                    Double.NaN));
        } else if (r.active()) {
            alarms.add(new AlarmCondition(id, severity, id, message, Double.NaN));
        }
    }

    private static Reading reading(String source, DigitalReading r) {
        return r.good() ? Reading.of(r.active() ? 1 : 0, source) : Reading.bad(source, "input unreadable");
    }
}
