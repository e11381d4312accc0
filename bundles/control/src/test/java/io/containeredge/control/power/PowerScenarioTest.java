package io.containeredge.control.power;

import static io.containeredge.control.power.VirtualPowerSite.RATING_KW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.power.VirtualPowerSite.Sample;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Power scenarios on a virtual clock: given a 2.5 MVA transformer (2375 kW at pf 0.95) and a container
 * at 2.2 MW, when something happens, then the battery and the miners do ... by t = ...
 */
class PowerScenarioTest {

    private static final double EPS = 1e-6;

    @Test
    void loadStepAboveTheRatingIsCoveredByTheBatteryFirstAndTheMinersBringImportUnderByRateLimitedCurtailment() {
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.of(250));
        c.runUntil(60);
        assertEquals(2200, c.last().importKw(), EPS);
        assertEquals(0, c.last().batterySetpointKw(), "SoC 90 % is above the recharge target: idle");

        c.otherKw = 800; // an HPC rack comes on at t = 60 s: load 2800 kW, 425 kW over the rating
        c.cycle();
        assertEquals(250, c.last().batterySetpointKw(), "the battery covers what it can in the first cycle");
        assertEquals(2000 - 5, c.last().minerLimitKw(), EPS, "miners stepped only by 20 kW/s x 250 ms");
        assertTrue(c.alarmed("power.over-limit"));

        c.runUntil(70);
        assertTrue(c.last().importKw() > RATING_KW, "rate-limited, not a shed: still over at 70 s");
        // the remaining 175 kW at 20 kW/s take 8.75 s, the miners 3 s more to sleep: under by 71.75 s
        c.runUntil(72);
        assertEquals(RATING_KW, c.last().importKw(), EPS);
        assertEquals(250, c.last().batterySetpointKw(), "still discharging: the battery keeps its share");
        assertEquals(1825, c.last().minerLimitKw(), EPS);
        c.runUntil(120);
        assertTrue(c.samples.stream().filter(s -> s.millis() >= 72_000).allMatch(s -> s.importKw() <= RATING_KW + EPS));
        assertFalse(c.alarmed("power.over-limit"));
    }

    @Test
    void aBatteryThatAcceptsItsSetpointButDeliversNothingIsAlarmedAfterTheFollowTimeAndTheMinersBringImportUnder() {
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.of(250));
        c.batteryStuck = true; // a BMS derate: every setpoint accepted, 0 kW delivered
        c.runUntil(60);
        c.otherKw = 800; // load 2800 kW, 425 kW over the rating
        c.runUntil(64.75);
        assertEquals(250, c.last().batterySetpointKw(), "still asked to discharge");
        assertFalse(c.alarmed(BatteryFollow.ALARM), "within the 5 s follow time the command is trusted");

        c.runUntil(66);
        assertTrue(c.alarmed(BatteryFollow.ALARM));
        assertTrue(c.last().outcome().verdict().reason().contains("counted as delivering 0 kW"),
                c.last().outcome().verdict().reason());
        // the miner limit reaches its target 25 s after the overrun began, the miners follow 3 s later
        c.runUntil(85);
        assertEquals(2000 - 425, c.at(84.75).minerLimitKw(), EPS, "the whole excess on the miners by the fix time");
        c.runUntil(120);
        assertTrue(c.samples.stream().filter(s -> s.millis() >= 88_000).allMatch(s -> s.importKw() <= RATING_KW + EPS),
                () -> "import still over the rating: " + c.samples.stream().filter(s -> s.importKw() > RATING_KW + EPS)
                        .reduce((a, b) -> b).orElseThrow());
        assertTrue(c.alarmed(BatteryFollow.ALARM), "raised as long as it does not follow");

        c.batteryStuck = false; // repaired: the alarm stays until it delivers a setpoint it is given
        c.runUntil(130);
        assertTrue(c.alarmed(BatteryFollow.ALARM), "idle at 0 kW shows nothing");
        c.otherKw = 850; // 50 kW more load: the battery is asked for it and delivers it
        c.runUntil(200);
        assertFalse(c.alarmed(BatteryFollow.ALARM));
        assertEquals(50, c.last().batterySetpointKw(), EPS);
        assertEquals(2000 - 425, c.last().minerLimitKw(), EPS);
        assertEquals(RATING_KW, c.last().importKw(), EPS);
    }

    @Test
    void aBatteryThatDeliversLessThanCommandedIsCountedAtWhatItDelivers() {
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.of(250));
        c.batteryDeliversAtMostKw = 100; // derated by its BMS to 100 kW
        c.runUntil(10);
        c.otherKw = 800; // 425 kW over the rating
        c.runUntil(60);
        assertTrue(c.samples.stream().anyMatch(s -> s.outcome().verdict().alarms().stream()
                .anyMatch(a -> a.id().equals(BatteryFollow.ALARM) && a.reading() == 100)));
        assertEquals(2000 - 325, c.last().minerLimitKw(), EPS, "the miners take the 325 kW the battery does not");
        assertEquals(RATING_KW, c.last().importKw(), EPS);
        assertTrue(c.samples.stream().filter(s -> s.millis() >= 10_000 + 28_000)
                .allMatch(s -> s.importKw() <= RATING_KW + EPS), () -> "under within the fix time and the miners' response: "
                        + c.samples.stream().filter(s -> s.importKw() > RATING_KW + EPS).reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void largeOverrunWithoutBatteryIsCommandedAwayWithinTheFixTimeNotAtTheSlowerCurtailRate() {
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.none());
        c.runUntil(10);
        c.otherKw = 1400; // load 3400 kW: 1025 kW over; at 20 kW/s that would take 51 s
        c.runUntil(22.5);
        double halfway = c.last().minerLimitKw();
        assertTrue(halfway < 2000 - 1025 * 0.4 && halfway > 2000 - 1025 * 0.6, "a linear ramp, not a shed: " + halfway);
        c.runUntil(35);
        assertEquals(975, c.at(34.75).minerLimitKw(), EPS, "limit at its target 25 s after the overrun began");
        c.runUntil(38);
        assertTrue(c.last().importKw() <= RATING_KW + EPS, "import under the rating 28 s after the step");
        c.runUntil(60);
        assertTrue(c.samples.stream().filter(s -> s.millis() >= 38_000).allMatch(s -> s.importKw() <= RATING_KW + EPS));
    }

    @Test
    void batteryStopsAtItsReserveAndTheMinersTakeOverItsShareWithinTheFixTime() {
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.of(250));
        c.runUntil(10);
        c.socPct = 20.5;
        c.otherKw = 800;
        c.runUntil(150);
        assertTrue(c.samples.stream().allMatch(s -> s.batterySetpointKw() <= 0 || s.socPct() > 20),
                "never asked to discharge at or below the 20 % reserve");
        assertTrue(c.samples.stream().mapToDouble(Sample::socPct).min().orElseThrow() > 20 - 0.01);
        Sample stop = c.samples.stream().filter(s -> s.millis() > 10_000 && s.batterySetpointKw() == 0)
                .findFirst().orElseThrow();
        assertTrue(stop.outcome().battery().reason().contains("reserve"), stop.outcome().battery().reason());
        // 2.5 kWh at 250 kW: the battery carries 36 s, then 250 kW more move to the miners
        assertEquals(46, stop.millis() / 1000.0, 0.5);
        assertTrue(c.samples.stream().filter(s -> s.millis() >= stop.millis() + 30_000)
                .allMatch(s -> s.importKw() <= RATING_KW + EPS && s.batterySetpointKw() == 0));
        assertEquals(2000 - 425, c.last().minerLimitKw(), EPS);
    }

    @Test
    void batteryRechargesWithinTheHeadroomUpToItsTargetAndResumesOnlyBelowTheTargetMinusTwoPercent() {
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.of(250));
        c.socPct = 50;
        c.minerDemandKw = 1600; // load 1800 kW: 575 kW under the rating
        c.runUntil(15); // charging ramps in at 20 kW/s: 250 kW in 12.5 s
        assertEquals(-250, c.last().batterySetpointKw(), "full charge power fits in 2375 - 50 - 1800 = 525 kW");
        c.minerDemandKw = 2100; // load 2300 kW
        c.runUntil(90);
        assertEquals(-25, c.last().batterySetpointKw(), EPS, "charges with what is left under the rating less 50 kW");
        // the cycle that sees the load step first still shows it; from the next one the import is held
        assertTrue(c.samples.stream().filter(s -> s.millis() > 15_000).allMatch(s -> s.importKw() <= RATING_KW + EPS),
                () -> c.samples.stream().filter(s -> s.importKw() > RATING_KW + EPS).limit(3).toList().toString());
        assertEquals(2300 + 25, c.last().importKw(), EPS);

        c.minerDemandKw = 1600;
        c.socPct = 79.99;
        c.runUntil(100);
        assertEquals(0, c.last().batterySetpointKw(), "stops at the 80 % target");
        c.socPct = 79;
        c.runUntil(105);
        assertEquals(0, c.last().batterySetpointKw(), "79 % does not restart charging: no flapping at the target");
        c.socPct = 77.9;
        c.cycle();
        assertTrue(c.last().batterySetpointKw() < 0, "below target - 2 %: charging restarts");
        c.runUntil(120);
        assertEquals(-250, c.last().batterySetpointKw(), "ramped up to full charge power");
    }

    @Test
    void importCapOverrideHoldsImportUnderItUntilItExpiresThenMinersComeBackAtTheRecoveryRate() {
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.of(250));
        c.runUntil(30);
        c.cfg = c.cfg.withCapOverride(new CapOverride(1500, 120_000, "dr-event-7"));
        c.cycle();
        assertEquals(250, c.last().batterySetpointKw());
        assertTrue(c.last().outcome().verdict().reason().contains("import cap override 1500 kW (dr-event-7"),
                c.last().outcome().verdict().reason());
        // 700 kW over: 250 from the battery, 450 from the miners at 20 kW/s (22.5 s) + 3 s sleep
        c.runUntil(120);
        assertTrue(c.samples.stream().filter(s -> s.millis() >= 56_000).allMatch(s -> s.importKw() <= 1500 + EPS));
        assertEquals(1550, c.last().minerLimitKw(), EPS);

        c.runUntil(180);
        assertEquals(RATING_KW, c.at(120).allowedKw(), EPS, "expired at 120 s: the rating applies again");
        assertTrue(c.at(121).batterySetpointKw() > 200, "discharge is released gradually, raising the import");
        assertEquals(0, c.at(135).batterySetpointKw(), "at 20 kW/s: 250 kW in 12.5 s");
        List<Sample> after = c.samples.stream().filter(s -> s.millis() >= 120_000).toList();
        for (int i = 1; i < after.size(); i++) {
            assertTrue(after.get(i).minerLimitKw() - after.get(i - 1).minerLimitKw() <= 10 * 0.25 + EPS);
        }
        assertEquals(1550 + 10 * 30, c.at(150).minerLimitKw(), 2.5 + EPS, "10 kW/s from 1550 kW");
        c.runUntil(220);
        assertEquals(2200, c.last().importKw(), EPS);
    }

    @Test
    void measuredHotSpotAboveTheContinuousLimitStepsAllowedImportDownSlowlyHoldsAndReleases() {
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.none());
        c.windingC = 95;
        c.runUntil(10);
        assertEquals(RATING_KW, c.last().allowedKw(), EPS);

        c.windingC = 115;
        c.runUntil(70);
        // from the 2200 kW it found, 2 kW/s for 60 s
        assertEquals(2080, c.last().allowedKw(), 0.5 + EPS);
        assertTrue(c.last().importKw() > 2080 && c.last().importKw() < 2090, "miners follow: " + c.last().importKw());
        AlarmCondition hot = c.last().outcome().verdict().alarms().stream()
                .filter(a -> a.id().equals("power.hot-spot")).findFirst().orElseThrow();
        assertEquals(Severity.WARNING, hot.severity());
        assertTrue(c.last().outcome().verdict().reason().contains("transformer/winding_temp=115.0"));

        c.windingC = 107; // under the limit, not yet 5 K under: hold
        c.runUntil(100);
        assertEquals(c.at(70).allowedKw(), c.last().allowedKw(), EPS);
        c.windingC = 100;
        c.runUntil(131);
        assertEquals(RATING_KW, c.last().allowedKw(), EPS, "released at 10 kW/s: 295 kW in under 30 s");
        assertTrue(c.at(110).allowedKw() < 2190, "gradually: " + c.at(110).allowedKw());
    }

    @Test
    void hotSpotAboveTheEmergencyLimitIsCriticalAndReducesTenTimesFaster() {
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.none());
        c.windingC = 95;
        c.runUntil(10);
        c.windingC = 145;
        c.runUntil(20);
        assertEquals(2200 - 200, c.last().allowedKw(), 20 * 0.25 + EPS);
        assertTrue(c.last().outcome().verdict().alarms().stream()
                .anyMatch(a -> a.id().equals("power.hot-spot") && a.severity() == Severity.CRITICAL));
    }

    @Test
    void spentEmergencyBudgetSwitchesToTheFastReduction() {
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.none());
        c.windingC = 95;
        c.runUntil(10);
        PowerState s = c.state;
        c.state = new PowerState(s.transformer(), s.thermalAllowedKw(), 1790, s.minerLimitKw(), s.batteryKw(),
                s.safe(), s.lastBadMillis(), s.overrunSinceMillis(), s.lastMillis(), s.batteryShortSinceMillis());
        c.windingC = 115;
        c.runUntil(30);
        // 10 s left of the 30 min budget at 2 kW/s, then 20 kW/s
        assertEquals(0.5 * 39, 2200 - c.at(19.5).allowedKw(), EPS);
        assertEquals(5 * 40, c.at(19.75).allowedKw() - c.at(29.75).allowedKw(), EPS);
    }

    @Test
    void withoutAGoodWindingReadingTheModelIsUsedAndABadAmbientIsTakenAsTheHotDesignAmbient() {
        TransformerThermalModel m = new TransformerThermalModel(TransformerParams.onan(2500));
        double pu = 2300 / 0.95 / 2500;

        VirtualPowerSite mild = new VirtualPowerSite(BatteryLimits.none());
        mild.windingC = Double.NaN;
        mild.otherKw = 300;
        mild.ambientC = 25;
        mild.cycle();
        assertEquals(m.steadyState(pu, 25).hotSpotC(), mild.last().outcome().hotSpotC(), EPS);
        assertTrue(mild.last().outcome().hotSpotC() < 110, "at 25 degC, 0.97 pu is within the continuous limit");
        assertTrue(mild.alarmed("power.hot-spot-modelled"));

        VirtualPowerSite hot = new VirtualPowerSite(BatteryLimits.none());
        hot.windingC = Double.NaN;
        hot.otherKw = 300;
        hot.ambientGood = false;
        hot.cycle();
        double expected = m.steadyState(pu, 40).hotSpotC();
        assertEquals(expected, hot.last().outcome().hotSpotC(), EPS);
        assertTrue(expected > 110, "40 degC assumed: " + expected);
        assertTrue(hot.alarmed("power.hot-spot"));
        hot.runUntil(60);
        assertTrue(hot.last().allowedKw() < 2300 - 100, "derating on the model: " + hot.last().allowedKw());

        VirtualPowerSite oil = new VirtualPowerSite(BatteryLimits.none());
        oil.windingC = Double.NaN;
        oil.otherKw = 300;
        oil.topOilC = 90;
        oil.cycle();
        assertEquals(90 + m.ultimateHotSpotGradientK(pu), oil.last().outcome().hotSpotC(), EPS,
                "measured top oil + modelled gradient");
    }

    @Test
    void badImportReadingGoesToTheSafeLevelWithAnIdleBatteryAndRecoversOnlyAfterTheHoldTime() {
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.of(250));
        c.otherKw = 800;
        c.runUntil(20);
        assertEquals(250, c.last().batterySetpointKw());

        c.importGood = false;
        c.cycle();
        assertEquals(0, c.last().minerLimitKw());
        assertTrue(c.last().outcome().verdict().holdWake());
        assertEquals(0, c.last().batterySetpointKw());
        assertTrue(c.alarmed("power.input-bad"));
        c.runUntil(30);

        c.importGood = true;
        c.runUntil(59.75);
        assertEquals(0, c.last().minerLimitKw(), "good again for 29.75 s: still the safe level");
        assertTrue(c.alarmed("power.input-bad"));
        c.cycle();
        assertFalse(c.alarmed("power.input-bad"));
        assertTrue(c.last().minerLimitKw() <= 2.5 + EPS, "from the safe level at the recovery rate");
        c.runUntil(70);
        assertEquals(2.5 * 41, c.last().minerLimitKw(), EPS, "41 cycles at 10 kW/s");
    }

    @Test
    void badSocReadingKeepsTheBatteryIdleAndTheMinersTakeTheWholeReduction() {
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.of(250));
        c.socGood = false;
        c.runUntil(10);
        c.otherKw = 800;
        c.runUntil(60);
        assertTrue(c.samples.stream().allMatch(s -> s.batterySetpointKw() == 0));
        assertTrue(c.alarmed("power.battery-input-bad"));
        assertEquals(2000 - 425, c.last().minerLimitKw(), EPS);
        assertEquals(RATING_KW, c.last().importKw(), EPS);
    }

    @Test
    void commandedMinerLimitNeverRisesFasterThanTheRecoveryRateWhateverHappens() {
        Random r = new Random(7);
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.of(250));
        for (int step = 0; step < 400; step++) {
            c.otherKw = r.nextDouble() * 1500;
            c.minerDemandKw = r.nextDouble() * 2500;
            c.importGood = r.nextDouble() > 0.05;
            c.socGood = r.nextDouble() > 0.1;
            c.ambientGood = r.nextBoolean();
            c.windingC = r.nextBoolean() ? Double.NaN : 80 + r.nextDouble() * 70;
            c.socPct = r.nextDouble() * 100;
            if (r.nextDouble() < 0.1) {
                c.cfg = c.cfg.withCapOverride(new CapOverride(r.nextDouble() * 2500, c.now + r.nextInt(120_000), "test"));
            }
            c.runUntil(c.now / 1000.0 + 5);
        }
        List<Sample> s = c.samples;
        for (int i = 1; i < s.size(); i++) {
            double rise = s.get(i).minerLimitKw() - s.get(i - 1).minerLimitKw();
            assertTrue(rise <= 10 * 0.25 + EPS, "rose " + rise + " kW in one cycle at " + s.get(i).millis() + " ms");
            assertTrue(s.get(i).minerLimitKw() >= 0);
            assertTrue(Math.abs(s.get(i).batterySetpointKw()) <= 250 + EPS);
        }
    }
}
