package io.containeredge.control.estop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.Reading;
import org.junit.jupiter.api.Test;

class EmergencyStopGuardTest {

    static final Reading RELEASED = Reading.of(0, "io/emergency_stop");
    static final Reading PRESSED = Reading.of(1, "io/emergency_stop");

    @Test
    void pressedShedsEverythingAndStaysLatchedAfterRelease() {
        EmergencyStopGuard.Outcome pressed = EmergencyStopGuard.evaluate(PRESSED, false);
        assertEquals(0, pressed.verdict().maxMinerKw());
        assertTrue(pressed.verdict().holdWake());
        assertTrue(pressed.latched());
        assertEquals("io.emergency-stop", pressed.verdict().alarms().get(0).id());

        EmergencyStopGuard.Outcome released = EmergencyStopGuard.evaluate(RELEASED, pressed.latched());
        assertEquals(0, released.verdict().maxMinerKw(), "still shed after release");
        assertTrue(released.verdict().reason().contains("waiting for a reset"));
    }

    @Test
    void resetOnlyWithTheButtonReleasedAndReadable() {
        assertTrue(EmergencyStopGuard.reset(PRESSED, true), "refused while pressed: stays latched");
        assertTrue(EmergencyStopGuard.reset(Reading.bad("io/emergency_stop", "stale"), true));
        assertFalse(EmergencyStopGuard.reset(RELEASED, true));
        assertFalse(EmergencyStopGuard.evaluate(RELEASED, false).verdict().limits());
    }

    @Test
    void unreadableInputIsTakenAsPressed() {
        EmergencyStopGuard.Outcome o = EmergencyStopGuard.evaluate(Reading.bad("io/emergency_stop", "i/o error"), false);
        assertEquals(0, o.verdict().maxMinerKw());
        assertTrue(o.verdict().reason().contains("unreadable"));
    }
}
