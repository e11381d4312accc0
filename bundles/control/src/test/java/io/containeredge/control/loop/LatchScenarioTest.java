package io.containeredge.control.loop;

import io.containeredge.control.api.Alarm;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.estop.EmergencyStopGuard;
import io.containeredge.control.scenario.Container;
import io.containeredge.control.scenario.Event;
import io.containeredge.control.scenario.Expectation;
import io.containeredge.control.scenario.Scenario;
import io.containeredge.control.testing.FakeGatewayIo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.emergencyStopPressed;
import static io.containeredge.control.scenario.Events.gatewayLeak;
import static io.containeredge.control.scenario.Events.gatewayLeakUnreadable;
import static io.containeredge.control.scenario.Events.pumpRuns;
import static io.containeredge.control.scenario.Events.pumpStops;
import static io.containeredge.control.scenario.Events.remoteReset;
import static io.containeredge.control.scenario.Events.reset;
import static io.containeredge.control.scenario.Events.restart;
import static io.containeredge.control.scenario.Expectations.allMinersAsleep;
import static io.containeredge.control.scenario.Expectations.allMinersAwake;
import static io.containeredge.control.scenario.Expectations.bindingSays;
import static io.containeredge.control.scenario.Expectations.thermalStage;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The latches a person must reset (thermal trip, emergency stop) across a restart of the control loop
 * (kill -9, watchdog, upgrade, configuration apply): a new loop on the same data directory, on the
 * virtual clock, with the miners as the old loop left them.
 */
class LatchScenarioTest {

    @TempDir
    Path dir;

    private Container here() {
        return container().dataIn(dir);
    }

    /** A container with gateway I/O that has run healthy for 5 s: every miner awake. */
    private Scenario runningWith(FakeGatewayIo io) {
        return given(here().gatewayIo(io)).at(5, s).then(allMinersAwake());
    }

    /** The thermal stage is {@code stage}, for a reason that names {@code cause}. */
    private static Expectation stage(String stage, String cause) {
        return sc -> sc.then(thermalStage(stage), bindingSays(cause));
    }

    /** The reset lifts the latch and every miner wakes again within a minute (dwell and wake ramp). */
    private static void resetWakesEveryMiner(Scenario sc, Event reset) {
        sc.when(reset).runFor(60, s).then(thermalStage("NORMAL"));
        assertEquals(sc.fleet().size(), sc.minersAwake(), "the reset wakes every miner");
    }

    private static boolean estopHolds(Scenario sc) {
        return sc.status().verdicts().stream()
                .anyMatch(v -> v.guard().equals(EmergencyStopGuard.NAME) && v.maxMinerKw() == 0);
    }

    @Test
    void aThermalTripSurvivesARestartAndKeepsEveryMinerAsleepUntilAReset() {
        Scenario sc = given(here()).at(5, s).then(allMinersAwake())
                .when(pumpStops()).runFor(1, s)
                .when(pumpRuns()).runFor(5, s) // the pump is back: the trip stays latched
                .then(thermalStage("TRIPPED"), allMinersAsleep());

        sc.when(restart()).runFor(60, s).then(stage("TRIPPED", "pump stopped")); // restored before the first cycle
        assertEquals(0, sc.minersAwake(), "no miner woken without a reset");

        resetWakesEveryMiner(sc, reset());

        sc.when(restart()).runFor(1, s);
        assertEquals("NORMAL", sc.status().thermalStage(), "the reset is kept across a restart too");
    }

    @Test
    void anUnreadableLatchFileCountsAsTrippedUntilAReset() throws Exception {
        Files.writeString(dir.resolve("latches.json"), "{\"thermalTrip\": \"pump st"); // torn
        Scenario sc = given(here()).runFor(1, s);
        assertEquals("TRIPPED", sc.status().thermalStage(), "never read as 'no latch'");
        assertEquals(0, sc.minersAwake());
        Alarm trip = sc.activeAlarm("thermal.trip");
        assertNotNull(trip, "a critical alarm says why");
        assertTrue(trip.message().contains("latches.json unreadable"), trip.message());

        resetWakesEveryMiner(sc, reset()); // the cooling is fine
        sc.when(restart()).runFor(1, s);
        assertEquals("NORMAL", sc.status().thermalStage(), "the file was written anew and reads again");
    }

    @Test
    void anEmergencyStopLatchSurvivesARestartAndOnlyALocalResetLiftsIt() {
        Scenario sc = runningWith(FakeGatewayIo.working())
                .when(emergencyStopPressed(true)).runFor(1, s)
                .when(emergencyStopPressed(false)).runFor(2, s)
                .then(allMinersAsleep());

        sc.when(restart()).runFor(60, s);
        assertTrue(estopHolds(sc), "restored latched, button released");
        assertEquals(0, sc.minersAwake());

        sc.when(remoteReset()).runFor(60, s);
        assertTrue(estopHolds(sc), "a remote reset never lifts an e-stop");
        assertEquals(0, sc.minersAwake());

        sc.when(reset()).runFor(60, s);
        assertEquals(sc.fleet().size(), sc.minersAwake(), "the local reset with the button released lifts it");
    }

    @Test
    void aRemoteResetLiftsAThermalTripOnceItsCauseIsGone() {
        Scenario sc = given(here()).at(5, s).when(pumpStops()).runFor(1, s).when(remoteReset()).runFor(2, s);
        assertEquals("TRIPPED", sc.status().thermalStage(), "refused while the pump is stopped");

        resetWakesEveryMiner(sc.when(pumpRuns()), remoteReset());
    }

    @Test
    void theGatewaysLeakContactTripsLikeTheCdusLeakBitAndStaysLatched() {
        Scenario sc = runningWith(FakeGatewayIo.working())
                .when(gatewayLeak(true)).runFor(0.25, s)
                .then(stage("TRIPPED", "leak (io/leak)"), allMinersAsleep()); // shed at once, not only an alarm

        sc.when(gatewayLeak(false)).runFor(30, s);
        assertEquals("TRIPPED", sc.status().thermalStage(), "latched after the contact clears");
        sc.when(restart()).runFor(5, s).then(thermalStage("TRIPPED"));

        resetWakesEveryMiner(sc, reset());
    }

    @Test
    void anUnreadableLeakContactPutsTheLoopOnTheSafeLevel() {
        runningWith(FakeGatewayIo.working()).when(gatewayLeakUnreadable()).runFor(1, s)
                .then(stage("SAFE", "io/leak")); // not read: the worst case short of a leak
    }

    @Test
    void gatewayIoThatFailedAtStartCountsAsAnEmergencyStopPressed() {
        FakeGatewayIo io = FakeGatewayIo.failedAtStart();
        Scenario sc = given(here().gatewayIo(io)).runFor(1, s);
        assertTrue(estopHolds(sc), sc.status().verdicts().toString());
        assertEquals(0, sc.minersAwake());
        Alarm estop = sc.activeAlarm("io.emergency-stop");
        assertNotNull(estop);
        assertEquals(Severity.CRITICAL, estop.severity());
        assertTrue(estop.message().contains("failed: Pi4J"), estop.message());
        assertTrue(io.beacon, "the beacon is asked for, where it can be switched");
        assertTrue(sc.status().conditions().stream().noneMatch(c -> c.id().equals("io.unavailable")));

        sc.when(reset()).runFor(60, s);
        assertTrue(estopHolds(sc), "no reset while the button cannot be read");
        assertEquals(0, sc.minersAwake());
    }

    @Test
    void aGatewayWithoutIoConfiguredRunsWithoutAnEmergencyStopGuard() {
        Scenario sc = given(here()).at(5, s).then(allMinersAwake());
        assertTrue(sc.status().verdicts().stream().noneMatch(v -> v.guard().equals(EmergencyStopGuard.NAME)));
        assertTrue(sc.status().conditions().stream()
                .anyMatch(c -> c.id().equals("io.unavailable") && c.severity() == Severity.INFO));
    }
}
