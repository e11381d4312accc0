package io.containeredge.control.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.value.PointValue;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first cycles after a start, on a virtual clock: the loop waits a few seconds at most for readings that
 * have not arrived yet, then treats them as the worst case; only a reading that failed after it had been good
 * holds the safe level for the hold time.
 */
class StartupScenarioTest {

    @TempDir
    Path dir;

    /** A rig whose coolant supply and import have not been read yet. */
    private LoopRig startingRig() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.image.put("cdu/supply_temp", PointValue.missing("cdu", "supply_temp", "degC"));
        rig.image.put("meter-main/active_power", PointValue.missing("meter-main", "active_power", "kW"));
        return rig;
    }

    /** Cycles without {@link LoopRig#runFor}, which would read the meter. */
    private static void cyclesFor(LoopRig rig, double seconds) {
        long end = rig.now + (long) (seconds * 1000);
        while (rig.now < end) {
            rig.loop.cycle(rig.now);
            rig.now += 250;
        }
    }

    @Test
    void theLoopWaitsForReadingsThatHaveNotArrivedYetAndThenDecidesOnThem() throws Exception {
        LoopRig rig = startingRig();
        cyclesFor(rig, 2);
        assertNull(rig.loop.status(), "nothing decided while the first readings are on their way");
        assertEquals(LoopRig.MINERS, rig.minersAwake(), "no container-wide shed for readings not read yet");

        rig.set("cdu", "supply_temp", 36.0);
        rig.runFor(0.5);
        assertEquals("NORMAL", rig.loop.status().thermalStage());
        assertFalse(rig.loop.status().binding().contains("fail-safe"), rig.loop.status().binding());
        assertEquals(LoopRig.MINERS, rig.minersAwake());
    }

    @Test
    void readingsStillMissingAfterTheGraceAreTheWorstCaseButHoldNothingOnceTheyArrive() throws Exception {
        LoopRig rig = startingRig();
        cyclesFor(rig, FirstReadings.GRACE.toSeconds() + 1);
        assertEquals("SAFE", rig.loop.status().thermalStage());
        assertTrue(rig.loop.status().binding().contains("fail-safe"), rig.loop.status().binding());
        assertEquals(0, rig.minersAwake(), "missing readings are the worst case: the safe level of 0 kW");

        rig.set("cdu", "supply_temp", 36.0);
        rig.runFor(0.5);
        assertEquals("NORMAL", rig.loop.status().thermalStage(), "no hold after readings that were only awaited");
        assertFalse(rig.loop.status().binding().contains("fail-safe"), rig.loop.status().binding());
        assertTrue(rig.loop.status().maxMinerKw() > 0, "load may come back (at the wake ramp), not after the hold");
    }

    @Test
    void aTripCauseAmongTheReadingsThatHaveArrivedShedsWithoutWaitingForTheOthers() throws Exception {
        LoopRig rig = startingRig();
        rig.set("cdu", "supply_temp", 36.0);
        rig.set("cdu", "pump_state", "stopped");
        cyclesFor(rig, 0.25);
        assertEquals("TRIPPED", rig.loop.status().thermalStage());
        assertEquals(0, rig.minersAwake());
    }

    @Test
    void aReadingThatFailsAfterItHasBeenGoodHoldsTheSafeLevelForTheHoldTime() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.runFor(2);
        rig.image.put("cdu/supply_temp", PointValue.invalid("cdu", "supply_temp", "degC", rig.now, "sentinel 0x8000"));
        rig.runFor(1);
        assertEquals("SAFE", rig.loop.status().thermalStage());

        rig.set("cdu", "supply_temp", 36.0);
        rig.runFor(20);
        assertEquals("SAFE", rig.loop.status().thermalStage(), "held while the 30 s hold runs");
        rig.runFor(11);
        assertEquals("NORMAL", rig.loop.status().thermalStage());
    }
}
