package io.containeredge.control.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.allocation.MinerAction.Kind;
import io.containeredge.control.thermal.ThermalGuard;
import io.containeredge.control.thermal.ThermalState;
import io.containeredge.control.thermal.ThermalState.Stage;
import org.junit.jupiter.api.Test;

/** Cooling-loop scenarios on a virtual clock: given a container, when something happens, then ... */
class ThermalScenarioTest {

    @Test
    void pumpStopsAtTenSecondsThenEveryMinerIsAskedToSleepInThatCycleAndSleepsWithinItsSleepTime() {
        VirtualContainer c = new VirtualContainer(40);
        c.runFor(10);
        assertEquals(40, c.awakeCount());

        c.pumpRunning = false;
        c.cycle();
        long sleeps = c.sent.stream().filter(a -> a.kind() == Kind.SLEEP).count();
        assertEquals(40, sleeps, "every miner told to sleep in the first cycle after the pump stopped");
        assertEquals(Stage.TRIPPED, c.thermal.stage());
        assertTrue(c.lastDecision.binding().reason().contains("pump stopped"), c.lastDecision.binding().reason());

        c.runFor(VirtualContainer.SLEEP_S);
        assertEquals(0, c.awakeCount(), "asleep one cycle plus the miners' sleep time after the pump stop");
    }

    @Test
    void tripIsLatchedUntilAPersonResetsItAndTheResetIsRefusedWhileTheCauseRemains() {
        VirtualContainer c = new VirtualContainer(10);
        c.runFor(5);
        c.leak = true;
        c.runFor(1);
        assertTrue(c.thermal.tripped());
        c.leak = false;
        c.runFor(60);
        assertTrue(c.thermal.tripped(), "a cleared leak does not lift the trip by itself");
        assertEquals(0, c.awakeCount());

        c.pumpRunning = false;
        ThermalState refused = ThermalGuard.reset(c.thermal, c.inputs().coolingLoops(), c.cfg);
        assertTrue(refused.tripped(), "reset refused while the pump is stopped");

        c.pumpRunning = true;
        c.thermal = ThermalGuard.reset(c.thermal, c.inputs().coolingLoops(), c.cfg);
        assertFalse(c.thermal.tripped());
        c.runFor(60);
        assertEquals(10, c.awakeCount(), "after the reset the miners come back");
    }

    @Test
    void supplyRampCurtailsStepwiseThenRecoversWithHysteresisAndStaggeredWakeUp() {
        VirtualContainer c = new VirtualContainer(100);
        c.runFor(10);
        double full = c.minerKw();
        assertEquals(350, full, 1);

        c.supplyC = 40.5;
        c.runFor(5);
        assertEquals(Stage.WARNING, c.thermal.stage());
        double after5s = c.lastDecision.maxMinerKw();
        // 20 kW/s for 5 s: about 100 kW less, stepwise, not a shed
        assertEquals(full - 100, after5s, 10);
        assertTrue(after5s > 0);

        c.supplyC = 39.0;
        c.runFor(10);
        assertEquals(Stage.WARNING, c.thermal.stage(), "between warning - hysteresis and warning: hold");
        assertEquals(after5s, c.lastDecision.maxMinerKw(), 1e-9);

        c.supplyC = 37.5;
        double before = c.minerKw();
        c.runFor(1);
        assertEquals(Stage.NORMAL, c.thermal.stage());
        c.runFor(VirtualContainer.WAKE_S + 1);
        double afterWake = c.minerKw();
        assertTrue(afterWake > before, "miners wake again");
        // the wake ramp is 50 kW/s: in 10 s at most about 500 kW + one miner may come back
        assertTrue(afterWake - before <= 50 * 10 + 3.5, "staggered: " + (afterWake - before) + " kW");
        c.runFor(60);
        assertEquals(full, c.minerKw(), 1);
    }

    @Test
    void badSupplyReadingGoesToTheSafeLevelAndRecoversOnlyAfterTheHoldTime() {
        VirtualContainer c = new VirtualContainer(20);
        c.runFor(5);
        c.supplyGood = false;
        c.cycle();
        assertEquals(Stage.SAFE, c.thermal.stage());
        assertEquals(0, c.lastDecision.maxMinerKw());
        assertTrue(c.lastDecision.alarms().stream().anyMatch(a -> a.id().equals("thermal.input-bad")));
        c.runFor(10);
        assertEquals(0, c.awakeCount());

        c.supplyGood = true;
        c.runFor(29);
        assertEquals(Stage.SAFE, c.thermal.stage(), "good again, but not yet for the hold time");
        c.runFor(2);
        assertEquals(Stage.NORMAL, c.thermal.stage());
    }

    @Test
    void minerThatDoesNotConfirmSleepHasItsSocketCut() {
        VirtualContainer c = new VirtualContainer(5);
        c.miners.get(2).stubborn = true;
        c.runFor(5);
        c.pumpRunning = false;
        c.runFor(9);
        assertFalse(c.miners.get(2).powerCut, "not before the confirm time");
        c.runFor(2);
        assertTrue(c.miners.get(2).powerCut, "cut after 10 s without confirmation");
        assertEquals(0, c.minerKw(), 0.2);
    }

    @Test
    void lowSupplyHoldsSleepingMinersAsleep() {
        VirtualContainer c = new VirtualContainer(5);
        c.supplyC = 18;
        c.runFor(40);
        assertTrue(c.lastDecision.holdWake());
        c.miners.forEach(m -> m.awake = false);
        c.runFor(40);
        assertEquals(0, c.awakeCount());
        c.supplyC = 30;
        c.runFor(40);
        assertEquals(5, c.awakeCount());
    }

    @Test
    void aCutThatDoesNotTakeIsSentAgain() {
        VirtualContainer c = new VirtualContainer(3);
        c.miners.get(1).stubborn = true;
        c.miners.get(1).cutFails = true;
        c.runFor(5);
        c.pumpRunning = false;
        c.runFor(11);
        long cuts = c.sentAt.get(1).stream().filter(s -> s.kind() == Kind.CUT_POWER).count();
        assertEquals(1, cuts);
        c.runFor(10);
        assertEquals(2, c.sentAt.get(1).stream().filter(s -> s.kind() == Kind.CUT_POWER).count(),
                "the socket still reads on 10 s after the cut: cut again");
    }
}
