package io.containeredge.control.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wall-clock step, back or forward (NTP, an operator setting the date), changes no decision: the guards,
 * the allocator and the PDU-cut timers run on the monotonic clock; the wall clock only stamps the status.
 */
class WallClockStepTest {

    private static final long HOUR = 3_600_000;

    @TempDir
    Path dir;

    /** One cycle with the wall clock at {@code wall} and the monotonic clock at the rig's time, then 250 ms pass. */
    private static void cycleWithWallAt(LoopRig rig, long wall) {
        rig.set("meter-main", "active_power", rig.importKw());
        rig.loop.cycle(wall, rig.now);
        rig.now += 250;
    }

    @Test
    void theThermalCurtailmentLimitNeverRisesWhenTimeGoesBack() {
        VirtualContainer c = new VirtualContainer(40);
        c.supplyC = 41;
        c.runFor(5);
        double before = c.thermal.curtailKw();
        assertTrue(before < 140, "stepping down: " + before);

        c.now -= HOUR;
        c.cycle();
        assertTrue(c.thermal.curtailKw() <= before, "a negative interval must not raise the limit: " + before + " -> "
                + c.thermal.curtailKw());
    }

    @Test
    void aWallClockStepBackDoesNotRaiseTheLimitAndStampsTheStatusWithTheWallClock() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.runFor(2);
        rig.set("cdu", "supply_temp", 41.0);
        rig.runFor(5);
        double before = rig.loop.status().maxMinerKw();

        long wall = rig.now - HOUR;
        cycleWithWallAt(rig, wall);
        assertTrue(rig.loop.status().maxMinerKw() <= before, before + " -> " + rig.loop.status().maxMinerKw());
        assertEquals(wall, rig.loop.status().timestampMillis(), "people read the wall-clock time");
        assertEquals("WARNING", rig.loop.status().thermalStage());
    }

    @Test
    void aWallClockStepForwardDoesNotEndTheFailSafeHoldEarly() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.runFor(2);
        rig.silence("cdu");
        rig.runFor(1);
        assertEquals("SAFE", rig.loop.status().thermalStage());
        for (String point : List.of("supply_temp", "return_temp", "flow", "alarm_bits.leak", "alarm_bits.smoke",
                "alarm_bits.level_low", "fault_bits", "ambient_temp")) {
            rig.set("cdu", point, rig.image.get("cdu/" + point).value());
        }
        rig.set("cdu", "pump_state", "running");
        rig.runFor(1);

        // an hour forward on the wall clock, 250 ms on the monotonic one: the 30 s hold is not over
        cycleWithWallAt(rig, rig.now + HOUR);
        assertEquals("SAFE", rig.loop.status().thermalStage());
        assertEquals(0, rig.loop.status().maxMinerKw());
        rig.runFor(30);
        assertEquals("NORMAL", rig.loop.status().thermalStage(), "lifted once readings were good for the hold time");
    }

    @Test
    void aWallClockStepForwardDoesNotCutPduSocketsBeforeTheSleepConfirmTime() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.minersObey = false;
        rig.runFor(2);
        rig.set("cdu", "pump_state", "stopped");
        rig.runFor(2);
        assertEquals("TRIPPED", rig.loop.status().thermalStage());
        assertFalse(pduWritten(rig), "asleep by command first");

        cycleWithWallAt(rig, rig.now + HOUR);
        assertFalse(pduWritten(rig), "10 s to confirm sleep have not passed on the monotonic clock");
        rig.runFor(10);
        assertTrue(pduWritten(rig), "the miners that did not confirm sleep are cut after the confirm time");
    }

    private static boolean pduWritten(LoopRig rig) {
        return rig.writes.stream().anyMatch(w -> w.device().startsWith("pdu-"));
    }
}
