package io.containeredge.control.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.Alarm;
import io.containeredge.control.estop.EmergencyStopGuard;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.gpio.UnavailableGatewayIo;
import io.containeredge.gpio.api.GatewayIo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latches a person must reset (thermal trip, emergency stop) across a restart of the control loop
 * (kill -9, watchdog, upgrade, configuration apply): a new loop on the same data directory, on the
 * virtual clock, with the miners as the old loop left them.
 */
class LatchScenarioTest {

    @TempDir
    Path dir;

    /** A new loop on the same data directory, as after a restart: the miners stay as they are. */
    private LoopRig restart(LoopRig before, GatewayIo io) throws Exception {
        before.alarms.close();
        LoopRig after = new LoopRig(dir, io);
        after.now = before.now;
        after.modes.putAll(before.modes);
        after.targetsW.putAll(before.targetsW);
        return after;
    }

    /** A container with gateway I/O that has run healthy for 5 s: every miner awake. */
    private LoopRig runningWith(FakeGatewayIo io) throws Exception {
        LoopRig rig = new LoopRig(dir, io);
        rig.runFor(5);
        assertEquals(LoopRig.MINERS, rig.minersAwake());
        return rig;
    }

    /** The thermal stage is {@code stage}, for a reason that names {@code cause}. */
    private static void assertStage(LoopRig rig, String stage, String cause) {
        assertEquals(stage, stage(rig));
        assertTrue(rig.loop.status().binding().contains(cause), rig.loop.status().binding());
    }

    private static String stage(LoopRig rig) {
        return rig.loop.status().thermalStage();
    }

    /** The reset lifts the latch and every miner wakes again within a minute (dwell and wake ramp). */
    private static void resetWakesEveryMiner(LoopRig rig, Runnable reset) {
        reset.run();
        rig.runFor(60);
        assertEquals("NORMAL", stage(rig));
        assertEquals(LoopRig.MINERS, rig.minersAwake(), "the reset wakes every miner");
    }

    private static boolean estopHolds(LoopRig rig) {
        return rig.loop.status().verdicts().stream()
                .anyMatch(v -> v.guard().equals(EmergencyStopGuard.NAME) && v.maxMinerKw() == 0);
    }

    @Test
    void aThermalTripSurvivesARestartAndKeepsEveryMinerAsleepUntilAReset() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.runFor(5);
        assertEquals(LoopRig.MINERS, rig.minersAwake());
        rig.set("cdu", "pump_state", "stopped");
        rig.runFor(1);
        rig.set("cdu", "pump_state", "running"); // the pump is back: the trip stays latched
        rig.runFor(5);
        assertEquals("TRIPPED", stage(rig));
        assertEquals(0, rig.minersAwake());

        LoopRig restarted = restart(rig, new UnavailableGatewayIo("test"));
        restarted.runFor(60);
        assertStage(restarted, "TRIPPED", "pump stopped"); // restored before the first cycle
        assertEquals(0, restarted.minersAwake(), "no miner woken without a reset");

        resetWakesEveryMiner(restarted, restarted.loop::requestReset);

        LoopRig again = restart(restarted, new UnavailableGatewayIo("test"));
        again.runFor(1);
        assertEquals("NORMAL", stage(again), "the reset is kept across a restart too");
    }

    @Test
    void anUnreadableLatchFileCountsAsTrippedUntilAReset() throws Exception {
        Files.writeString(dir.resolve("latches.json"), "{\"thermalTrip\": \"pump st"); // torn
        LoopRig rig = new LoopRig(dir);
        rig.runFor(1);
        assertEquals("TRIPPED", stage(rig), "never read as 'no latch'");
        assertEquals(0, rig.minersAwake());
        Alarm trip = rig.activeAlarm("thermal.trip");
        assertNotNull(trip, "a critical alarm says why");
        assertTrue(trip.message().contains("latches.json unreadable"), trip.message());

        resetWakesEveryMiner(rig, rig.loop::requestReset); // the cooling is fine
        LoopRig restarted = restart(rig, new UnavailableGatewayIo("test"));
        restarted.runFor(1);
        assertEquals("NORMAL", stage(restarted), "the file was written anew and reads again");
    }

    @Test
    void anEmergencyStopLatchSurvivesARestartAndOnlyALocalResetLiftsIt() throws Exception {
        FakeGatewayIo io = FakeGatewayIo.working();
        LoopRig rig = runningWith(io);
        io.estopPressed = true;
        rig.runFor(1);
        io.estopPressed = false;
        rig.runFor(2);
        assertEquals(0, rig.minersAwake());

        LoopRig restarted = restart(rig, io);
        restarted.runFor(60);
        assertTrue(estopHolds(restarted), "restored latched, button released");
        assertEquals(0, restarted.minersAwake());

        restarted.loop.requestRemoteReset();
        restarted.runFor(60);
        assertTrue(estopHolds(restarted), "a remote reset never lifts an e-stop");
        assertEquals(0, restarted.minersAwake());

        restarted.loop.requestReset();
        restarted.runFor(60);
        assertEquals(LoopRig.MINERS, restarted.minersAwake(), "the local reset with the button released lifts it");
    }

    @Test
    void aRemoteResetLiftsAThermalTripOnceItsCauseIsGone() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.runFor(5);
        rig.set("cdu", "pump_state", "stopped");
        rig.runFor(1);
        rig.loop.requestRemoteReset();
        rig.runFor(2);
        assertEquals("TRIPPED", stage(rig), "refused while the pump is stopped");

        rig.set("cdu", "pump_state", "running");
        resetWakesEveryMiner(rig, rig.loop::requestRemoteReset);
    }

    @Test
    void theGatewaysLeakContactTripsLikeTheCdusLeakBitAndStaysLatched() throws Exception {
        FakeGatewayIo io = FakeGatewayIo.working();
        LoopRig rig = runningWith(io);
        io.leak = true;
        rig.runFor(0.25);
        assertStage(rig, "TRIPPED", "leak (io/leak)"); // shed at once, not only an alarm
        assertEquals(0, rig.minersAwake());

        io.leak = false;
        rig.runFor(30);
        assertEquals("TRIPPED", stage(rig), "latched after the contact clears");
        LoopRig restarted = restart(rig, io);
        restarted.runFor(5);
        assertEquals("TRIPPED", stage(restarted));

        resetWakesEveryMiner(restarted, restarted.loop::requestReset);
    }

    @Test
    void anUnreadableLeakContactPutsTheLoopOnTheSafeLevel() throws Exception {
        FakeGatewayIo io = FakeGatewayIo.working();
        LoopRig rig = runningWith(io);
        io.leakReadable = false;
        rig.runFor(1);
        assertStage(rig, "SAFE", "io/leak"); // not read: the worst case short of a leak
    }

    @Test
    void gatewayIoThatFailedAtStartCountsAsAnEmergencyStopPressed() throws Exception {
        FakeGatewayIo io = FakeGatewayIo.failedAtStart();
        LoopRig rig = new LoopRig(dir, io);
        rig.runFor(1);
        assertTrue(estopHolds(rig), rig.loop.status().verdicts().toString());
        assertEquals(0, rig.minersAwake());
        Alarm estop = rig.activeAlarm("io.emergency-stop");
        assertNotNull(estop);
        assertEquals(Severity.CRITICAL, estop.severity());
        assertTrue(estop.message().contains("failed: Pi4J"), estop.message());
        assertTrue(io.beacon, "the beacon is asked for, where it can be switched");
        assertTrue(rig.loop.status().conditions().stream().noneMatch(c -> c.id().equals("io.unavailable")));

        rig.loop.requestReset();
        rig.runFor(60);
        assertTrue(estopHolds(rig), "no reset while the button cannot be read");
        assertEquals(0, rig.minersAwake());
    }

    @Test
    void aGatewayWithoutIoConfiguredRunsWithoutAnEmergencyStopGuard() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.runFor(5);
        assertEquals(LoopRig.MINERS, rig.minersAwake());
        assertTrue(rig.loop.status().verdicts().stream().noneMatch(v -> v.guard().equals(EmergencyStopGuard.NAME)));
        assertTrue(rig.loop.status().conditions().stream()
                .anyMatch(c -> c.id().equals("io.unavailable") && c.severity() == Severity.INFO));
    }
}
