package io.containeredge.control.estop;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.Reading;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.gpio.api.DigitalReading;
import io.containeredge.gpio.api.GatewayIo;
import io.containeredge.gpio.api.IoInputs;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's hard-wired I/O in the control cycle: the emergency stop as a guard, the leak contact
 * as a leak of the cooling loop (the thermal guard trips on it as on the CDU's leak bit), the door and
 * leak contacts as alarms, the beacon on any critical alarm. Where the gateway has no I/O configured
 * (a plain PC) it reports that once as information and adds no guard, so the container still runs;
 * I/O that is configured but failed counts as an emergency stop pressed.
 */
public final class IoSupervisor {

    private final GatewayIo io;
    private boolean estopLatched;
    private Reading lastEstop = Reading.bad("io/emergency_stop", "not read yet");
    private IoInputs inputs = IoInputs.UNAVAILABLE;

    /** @param estopLatched the latch as restored from before a restart */
    public IoSupervisor(GatewayIo io, boolean estopLatched) {
        this.io = io;
        this.estopLatched = estopLatched;
    }

    /** True when the gateway has I/O to guard with: working, or configured and failed. */
    private boolean used() {
        return io.available() || io.failed();
    }

    /**
     * Reads the inputs for this cycle and adds the gateway's leak contact to every cooling loop's leak
     * reading: set if either is set, else not good if either is not good (the worst case wins).
     */
    public ContainerInputs withGatewayLeak(ContainerInputs in) {
        if (!used()) {
            return in;
        }
        inputs = io.read();
        Reading gateway = reading("io/leak", inputs.leak());
        return in.withEachCoolingLoop(loop -> {
            Reading cdu = loop.leak();
            return loop.withLeak(cdu.set() ? cdu : gateway.set() || !gateway.good() ? gateway : cdu);
        });
    }

    /**
     * The e-stop verdict (or none without I/O) and the contacts' alarms, on the inputs
     * {@link #withGatewayLeak} read this cycle (none read: unreadable, so the e-stop counts as pressed).
     */
    public List<Verdict> evaluate() {
        if (!used()) {
            return List.of();
        }
        lastEstop = estopReading();
        EmergencyStopGuard.Outcome o = EmergencyStopGuard.evaluate(lastEstop, estopLatched);
        estopLatched = o.latched();
        List<AlarmCondition> contacts = new ArrayList<>();
        contact(contacts, inputs.door(), "io.door", Severity.WARNING, "container door open");
        contact(contacts, inputs.leak(), "io.leak", Severity.CRITICAL, "leak contact active");
        Verdict contactAlarms = new Verdict("io", Double.POSITIVE_INFINITY, false, "contacts", contacts);
        return List.of(o.verdict(), contactAlarms);
    }

    /** Whether this cycle's inputs call for the emergency stop: pressed, unreadable, or the I/O failed. */
    public boolean stopCalled() {
        return used() && EmergencyStopGuard.pressed(estopReading());
    }

    /** The e-stop input as this cycle read it; I/O that failed reads as unreadable. */
    private Reading estopReading() {
        return io.failed() ? Reading.bad("io/emergency_stop", "gateway I/O " + io.status())
                : reading("io/emergency_stop", inputs.emergencyStop());
    }

    /** Whether the emergency stop is latched, to be kept across restarts. */
    public boolean latched() {
        return estopLatched;
    }

    /**
     * A person's reset of a latched emergency stop; kept while the button is pressed or unreadable.
     * Without I/O there is no button and no guard: a latch restored there goes.
     */
    public void reset() {
        estopLatched = used() && EmergencyStopGuard.reset(lastEstop, estopLatched);
    }

    public void beacon(boolean on) {
        io.beacon(on);
    }

    /** Information the console shows when the gateway has no I/O. */
    public List<AlarmCondition> status() {
        return used() ? List.of() : List.of(new AlarmCondition("io.unavailable", Severity.INFO, "io",
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
