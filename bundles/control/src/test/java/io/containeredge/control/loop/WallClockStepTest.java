package io.containeredge.control.loop;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.coolantSupplyAt;
import static io.containeredge.control.scenario.Events.minersIgnoreSleepAndWake;
import static io.containeredge.control.scenario.Events.monotonicClockSteps;
import static io.containeredge.control.scenario.Events.pumpRuns;
import static io.containeredge.control.scenario.Events.pumpStops;
import static io.containeredge.control.scenario.Events.silence;
import static io.containeredge.control.scenario.Events.wallClockSteps;
import static io.containeredge.control.scenario.Expectations.minerLimitKw;
import static io.containeredge.control.scenario.Expectations.thermalStage;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.h;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wall-clock step, back or forward (NTP, an operator setting the date), changes no decision: the guards,
 * the allocator and the PDU-cut timers run on the monotonic clock; the wall clock only stamps the status.
 */
class WallClockStepTest {

    @TempDir
    Path dir;

    @Test
    void theThermalCurtailmentLimitNeverRisesWhenTimeGoesBack() {
        Scenario sc = given(container().dataIn(dir)).when(coolantSupplyAt(41)).runFor(5, s);
        double before = sc.verdict("thermal").maxMinerKw();
        assertTrue(before < 140, "stepping down: " + before);

        sc.when(monotonicClockSteps(-1, h)).cycle();
        double after = sc.verdict("thermal").maxMinerKw();
        assertTrue(after <= before, "a negative interval must not raise the limit: " + before + " -> " + after);
    }

    @Test
    void aWallClockStepBackDoesNotRaiseTheLimitAndStampsTheStatusWithTheWallClock() {
        Scenario sc = given(container().dataIn(dir)).at(2, s).when(coolantSupplyAt(41)).runFor(5, s);
        double before = sc.status().maxMinerKw();

        sc.when(wallClockSteps(-1, h));
        long wall = sc.wall();
        sc.cycle();
        assertTrue(sc.status().maxMinerKw() <= before, before + " -> " + sc.status().maxMinerKw());
        assertEquals(wall, sc.status().timestampMillis(), "people read the wall-clock time");
        sc.then(thermalStage("WARNING"));
    }

    @Test
    void aWallClockStepForwardDoesNotEndTheFailSafeHoldEarly() {
        Scenario sc = given(container().dataIn(dir)).at(2, s).when(silence("cdu")).runFor(1, s)
                .then(thermalStage("SAFE"));
        for (String point : List.of("supply_temp", "return_temp", "flow", "alarm_bits.leak", "alarm_bits.smoke",
                "alarm_bits.level_low", "fault_bits", "ambient_temp")) {
            sc.image().set("cdu", point, sc.image().get("cdu", point).value());
        }
        sc.when(pumpRuns()).runFor(1, s);

        // an hour forward on the wall clock, 250 ms on the monotonic one: the 30 s hold is not over
        sc.when(wallClockSteps(1, h)).cycle().then(thermalStage("SAFE"), minerLimitKw(0));
        sc.runFor(30, s);
        assertEquals("NORMAL", sc.status().thermalStage(), "lifted once readings were good for the hold time");
    }

    @Test
    void aWallClockStepForwardDoesNotCutPduSocketsBeforeTheSleepConfirmTime() {
        Scenario sc = given(container().dataIn(dir)).when(minersIgnoreSleepAndWake()).at(2, s)
                .when(pumpStops()).runFor(2, s).then(thermalStage("TRIPPED"));
        assertFalse(pduWritten(sc), "asleep by command first");

        sc.when(wallClockSteps(1, h)).cycle();
        assertFalse(pduWritten(sc), "10 s to confirm sleep have not passed on the monotonic clock");
        sc.runFor(10, s);
        assertTrue(pduWritten(sc), "the miners that did not confirm sleep are cut after the confirm time");
    }

    private static boolean pduWritten(Scenario sc) {
        return sc.devices().writes().stream().anyMatch(w -> w.device().startsWith("pdu-"));
    }
}
