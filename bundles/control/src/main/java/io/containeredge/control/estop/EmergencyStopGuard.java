package io.containeredge.control.estop;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.GuardNames;
import io.containeredge.control.api.Reading;
import io.containeredge.control.api.Verdict;
import java.util.List;

/**
 * The emergency-stop input of the gateway's I/O: pressed means every miner asleep at once, latched
 * until a person resets it with the button released, from the console or the API (a remote reset
 * never lifts it). Only evaluated where the gateway has I/O; an input that cannot be read there, or
 * I/O that is configured but failed, counts as pressed.
 */
public final class EmergencyStopGuard {

    public static final String NAME = GuardNames.EMERGENCY_STOP;

    private EmergencyStopGuard() {
    }

    /** The verdict and whether the stop is latched for the next cycle. */
    public record Outcome(Verdict verdict, boolean latched) {
    }

    public static Outcome evaluate(Reading estop, boolean latched) {
        boolean pressed = pressed(estop);
        if (!pressed && !latched) {
            return new Outcome(Verdict.free(NAME), false);
        }
        String why = !estop.good() ? "input unreadable (" + estop.why() + ")"
                : pressed ? "pressed" : "latched, released: waiting for a reset";
        AlarmCondition alarm = new AlarmCondition("io.emergency-stop", Severity.CRITICAL, estop.source(),
                "emergency stop " + why, Double.NaN);
        return new Outcome(new Verdict(NAME, 0, true, "emergency stop " + why, List.of(alarm)), true);
    }

    /** Pressed, or not readable: either way the stop is called. */
    public static boolean pressed(Reading estop) {
        return !estop.good() || estop.value() != 0;
    }

    /**
     * A person's reset: lifts the latch only while the button is released and readable.
     *
     * @return whether the stop is still latched afterwards
     */
    public static boolean reset(Reading estop, boolean latched) {
        return latched && !(estop.good() && estop.value() == 0);
    }
}
