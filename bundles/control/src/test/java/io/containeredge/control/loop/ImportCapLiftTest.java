package io.containeredge.control.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifting a curtailment override ends the override and nothing else. */
class ImportCapLiftTest {

    @TempDir
    Path dir;

    private static Verdict power(ControlStatus s) {
        return s.verdicts().stream().filter(v -> v.guard().equals("power")).findFirst().orElseThrow();
    }

    @Test
    void givenAnOverrideAndAThermalTripWhenTheCapIsLiftedThenTheTripStillHoldsTheMinersAsleep() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.runFor(2);
        rig.loop.overrideImportCap(100, Duration.ofMinutes(30), "dr-event", rig.now);
        rig.runFor(30);
        assertTrue(power(rig.loop.status()).reason().contains("import cap override 100 kW"), power(rig.loop.status()).reason());
        rig.set("cdu", "pump_state", "stopped");
        rig.runFor(5);
        assertEquals("TRIPPED", rig.loop.status().thermalStage());

        assertTrue(rig.loop.liftImportCap("ops", rig.now));
        rig.set("cdu", "pump_state", "running"); // the cause is gone, but a trip is latched until a reset
        rig.runFor(120);

        ControlStatus s = rig.loop.status();
        assertEquals("TRIPPED", s.thermalStage());
        assertTrue(s.holdWake());
        assertEquals(0, s.maxMinerKw());
        assertEquals(0, rig.minersAwake());
        assertFalse(power(s).reason().contains("override"), power(s).reason());
    }

    @Test
    void liftingTheOverrideGivesTheSiteCapBackAndTheMinersReturn() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.batteryEmpty();
        rig.runFor(2);
        rig.loop.overrideImportCap(100, Duration.ofMinutes(30), "dr-event", rig.now);
        rig.runFor(60);
        assertEquals(100, rig.importKw(), 1, "curtailed to the override");

        assertTrue(rig.loop.liftImportCap("ops", rig.now));
        rig.runFor(120);

        assertEquals(LoopRig.MINERS * 3.5, rig.minerKw(), 1e-9);
        assertEquals("NORMAL", rig.loop.status().thermalStage());
        assertFalse(rig.loop.liftImportCap("ops", rig.now), "nothing left to lift");
    }

    @Test
    void anExpiredOverrideIsNotReportedAsLifted() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.loop.overrideImportCap(100, Duration.ofMinutes(1), "dr-event", rig.now);
        rig.runFor(61);
        assertFalse(rig.loop.liftImportCap("ops", rig.now));
    }
}
