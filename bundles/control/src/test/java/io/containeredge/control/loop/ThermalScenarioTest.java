package io.containeredge.control.loop;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.allMinersFallAsleep;
import static io.containeredge.control.scenario.Events.coolantSupplyAt;
import static io.containeredge.control.scenario.Events.coolantSupplyBad;
import static io.containeredge.control.scenario.Events.leak;
import static io.containeredge.control.scenario.Events.leakCleared;
import static io.containeredge.control.scenario.Events.minerIgnoresSleep;
import static io.containeredge.control.scenario.Events.pumpRuns;
import static io.containeredge.control.scenario.Events.pumpStops;
import static io.containeredge.control.scenario.Events.reset;
import static io.containeredge.control.scenario.Events.socketStuck;
import static io.containeredge.control.scenario.Expectations.alarmActive;
import static io.containeredge.control.scenario.Expectations.allMinersAsleep;
import static io.containeredge.control.scenario.Expectations.bindingSays;
import static io.containeredge.control.scenario.Expectations.minerKw;
import static io.containeredge.control.scenario.Expectations.minerLimitKw;
import static io.containeredge.control.scenario.Expectations.minersAwake;
import static io.containeredge.control.scenario.Expectations.thermalStage;
import static io.containeredge.control.scenario.Expectations.within;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.MinerCommand;
import io.containeredge.control.scenario.Container;
import io.containeredge.control.scenario.Scenario;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cooling-loop scenarios on a virtual clock: given a container, when something happens, then ... */
class ThermalScenarioTest {

    /** A miner sleeps this long after its command. */
    private static final double SLEEP_S = 3;
    /** ... and wakes this long after its. */
    private static final double WAKE_S = 8;

    @TempDir
    Path dir;

    private Container minersOf3500W(int count) {
        return container().miners(count, 3.5).minersTake(SLEEP_S, WAKE_S).dataIn(dir);
    }

    @Test
    void pumpStopsAtTenSecondsThenEveryMinerIsAskedToSleepInThatCycleAndSleepsWithinItsSleepTime() {
        Scenario sc = given(minersOf3500W(40)).at(10, s).then(minersAwake(40));

        long stoppedAt = sc.now();
        sc.when(pumpStops()).cycle();
        long sleeps = sc.fleet().sent().stream()
                .filter(c -> c.atMillis() == stoppedAt && c.command().kind() == MinerCommand.Kind.SLEEP).count();
        assertEquals(40, sleeps, "every miner told to sleep in the first cycle after the pump stopped");
        sc.then(thermalStage("TRIPPED"), bindingSays("pump stopped"));

        // asleep one cycle plus the miners' sleep time after the pump stop
        sc.then(within(SLEEP_S, s, allMinersAsleep()));
    }

    @Test
    void tripIsLatchedUntilAPersonResetsItAndTheResetIsRefusedWhileTheCauseRemains() {
        Scenario sc = given(minersOf3500W(10)).at(5, s).when(leak()).runFor(1, s).then(thermalStage("TRIPPED"));
        sc.when(leakCleared()).runFor(60, s);
        assertEquals("TRIPPED", sc.status().thermalStage(), "a cleared leak does not lift the trip by itself");
        sc.then(allMinersAsleep());

        sc.when(pumpStops(), reset()).cycle();
        assertEquals("TRIPPED", sc.status().thermalStage(), "reset refused while the pump is stopped");

        sc.when(pumpRuns(), reset()).cycle();
        assertNotEquals("TRIPPED", sc.status().thermalStage());
        sc.runFor(60 - 0.25, s);
        assertEquals(10, sc.minersAwake(), "after the reset the miners come back");
    }

    @Test
    void supplyRampCurtailsStepwiseThenRecoversWithHysteresisAndStaggeredWakeUp() {
        Scenario sc = given(minersOf3500W(100)).at(10, s);
        double full = sc.minerKw();
        assertEquals(350, full, 1);

        sc.when(coolantSupplyAt(40.5)).runFor(5, s).then(thermalStage("WARNING"));
        double after5s = sc.status().maxMinerKw();
        // 20 kW/s for 5 s: about 100 kW less, stepwise, not a shed
        assertEquals(full - 100, after5s, 10);
        assertTrue(after5s > 0);

        sc.when(coolantSupplyAt(39.0)).runFor(10, s);
        assertEquals("WARNING", sc.status().thermalStage(), "between warning - hysteresis and warning: hold");
        assertEquals(after5s, sc.status().maxMinerKw(), 1e-9);

        sc.when(coolantSupplyAt(37.5));
        double before = sc.minerKw();
        sc.runFor(1, s).then(thermalStage("NORMAL"));
        sc.runFor(WAKE_S + 1, s);
        double afterWake = sc.minerKw();
        assertTrue(afterWake > before, "miners wake again");
        // the wake ramp is 50 kW/s: in 10 s at most about 500 kW + one miner may come back
        assertTrue(afterWake - before <= 50 * 10 + 3.5, "staggered: " + (afterWake - before) + " kW");
        sc.runFor(60, s).then(minerKw(full, 1));
    }

    @Test
    void badSupplyReadingGoesToTheSafeLevelAndRecoversOnlyAfterTheHoldTime() {
        Scenario sc = given(minersOf3500W(20)).at(5, s).when(coolantSupplyBad()).cycle()
                .then(thermalStage("SAFE"), minerLimitKw(0));
        assertTrue(sc.status().conditions().stream().anyMatch(a -> a.id().equals("thermal.input-bad")));
        sc.runFor(10, s).then(allMinersAsleep());

        sc.when(coolantSupplyAt(36)).runFor(29, s);
        assertEquals("SAFE", sc.status().thermalStage(), "good again, but not yet for the hold time");
        sc.runFor(2, s).then(thermalStage("NORMAL"));
    }

    @Test
    void minerThatDoesNotConfirmSleepHasItsSocketCut() {
        Scenario sc = given(minersOf3500W(5)).when(minerIgnoresSleep(2)).at(5, s).when(pumpStops()).runFor(9, s);
        assertFalse(sc.isCut(2), "not before the confirm time");
        sc.runFor(2, s);
        assertTrue(sc.isCut(2), "cut after 10 s without confirmation");
        sc.then(minerKw(0, 0.2));
    }

    @Test
    void lowSupplyHoldsSleepingMinersAsleep() {
        Scenario sc = given(minersOf3500W(5)).when(coolantSupplyAt(18)).runFor(40, s);
        assertTrue(sc.status().holdWake());
        sc.when(allMinersFallAsleep()).runFor(40, s).then(allMinersAsleep());
        sc.when(coolantSupplyAt(30)).runFor(40, s).then(minersAwake(5));
    }

    @Test
    void aCutThatDoesNotTakeIsSentAgain() {
        Scenario sc = given(minersOf3500W(3)).when(minerIgnoresSleep(1), socketStuck(1)).at(5, s)
                .when(pumpStops()).runFor(11, s);
        assertEquals(1, cutsOf(sc, 1));
        sc.runFor(10, s);
        assertEquals(2, cutsOf(sc, 1), "the socket still reads on 10 s after the cut: cut again");
    }

    private static long cutsOf(Scenario sc, int miner) {
        return sc.devices().writesTo(sc.pdus().device(miner)).stream()
                .filter(w -> w.point().equals(sc.pdus().socketPoint(miner)) && Boolean.FALSE.equals(w.value())).count();
    }
}
