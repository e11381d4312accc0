package io.containeredge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.value.PointValue;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first cycles after a start, on a virtual clock: readings that have not arrived yet are the worst case,
 * but only a reading that failed after it had been good holds the safe level for the hold time.
 */
class StartupScenarioTest {

    @TempDir
    Path dir;

    @Test
    void readingsNotArrivedYetHoldTheSafeLevelOnlyUntilTheyArrive() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.image.put("cdu/supply_temp", PointValue.missing("cdu", "supply_temp", "degC"));
        rig.image.put("meter-main/active_power", PointValue.missing("meter-main", "active_power", "kW"));
        for (int i = 0; i < 4; i++) { // not runFor: it would read the meter
            rig.loop.cycle(rig.now);
            rig.now += 250;
        }
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
