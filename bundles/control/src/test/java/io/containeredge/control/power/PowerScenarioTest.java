package io.containeredge.control.power;

import static io.containeredge.control.power.PowerSite.RATING_KW;
import static io.containeredge.control.power.PowerSite.site;
import static io.containeredge.control.scenario.Events.ambientAt;
import static io.containeredge.control.scenario.Events.ambientBad;
import static io.containeredge.control.scenario.Events.auxiliaryLoadAt;
import static io.containeredge.control.scenario.Events.batteryDeliversAtMost;
import static io.containeredge.control.scenario.Events.batteryFollows;
import static io.containeredge.control.scenario.Events.batteryOffersNoPower;
import static io.containeredge.control.scenario.Events.batterySocAt;
import static io.containeredge.control.scenario.Events.batterySocBad;
import static io.containeredge.control.scenario.Events.importBad;
import static io.containeredge.control.scenario.Events.importCapOverride;
import static io.containeredge.control.scenario.Events.meterAnswers;
import static io.containeredge.control.scenario.Events.minerDemandAt;
import static io.containeredge.control.scenario.Events.transformerAt;
import static io.containeredge.control.scenario.Events.windingAt;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.scenario.Cycle;
import io.containeredge.control.scenario.Scenario;
import io.containeredge.site.api.ControlSettings;
import io.containeredge.site.api.Limits;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Power scenarios on a virtual clock: given a 2.5 MVA transformer (2375 kW at pf 0.95, the import cap 2400 kW
 * above it) and a container at 2.2 MW (200 kW of auxiliaries, miners whose work demands 2000 kW and who take
 * a power target or go to sleep 3 s after the command; a 500 kWh battery at 90 %; load allowed back at 10 kW/s),
 * when something happens,
 * then the battery and the miners do ... by t = ...
 */
class PowerScenarioTest {

    private static final double EPS = 1e-6;

    private static boolean alarmed(Scenario sc, String id) {
        return sc.last().alarmed(id);
    }

    private static String reason(Scenario sc) {
        return sc.last().verdict("power").reason();
    }

    @Test
    void loadStepAboveTheRatingIsCoveredByTheBatteryFirstAndTheMinersBringImportUnderByRateLimitedCurtailment() {
        Scenario c = site(true).at(60, s);
        assertEquals(2200, c.last().importKw(), EPS);
        assertEquals(0, c.last().batterySetpointKw(), "SoC 90 % is above the recharge target: idle");

        c.when(auxiliaryLoadAt(800)).cycle(); // an HPC rack comes on at t = 60 s: load 2800 kW, 425 kW over the rating
        assertEquals(250, c.last().batterySetpointKw(), "the battery covers what it can in the first cycle");
        assertEquals(2000 - 5, c.last().minerLimitKw(), EPS, "miners stepped only by 20 kW/s x 250 ms");
        assertTrue(alarmed(c, "power.over-limit"));

        c.at(70, s);
        assertTrue(c.last().importKw() > RATING_KW, "rate-limited, not a shed: still over at 70 s");
        // the remaining 175 kW at 20 kW/s take 8.75 s, the miners 3 s more to sleep: under by 71.75 s
        c.at(72, s);
        assertEquals(RATING_KW, c.last().importKw(), EPS);
        assertEquals(250, c.last().batterySetpointKw(), "still discharging: the battery keeps its share");
        assertEquals(1825, c.last().minerLimitKw(), EPS);
        c.at(120, s);
        assertTrue(after(c, 72).allMatch(x -> x.importKw() <= RATING_KW + EPS));
        assertFalse(alarmed(c, "power.over-limit"));
    }

    @Test
    void aBatteryThatAcceptsItsSetpointButDeliversNothingIsAlarmedAfterTheFollowTimeAndTheMinersBringImportUnder() {
        Scenario c = site(true).when(batteryFollows(false)).at(60, s); // every setpoint accepted, 0 kW delivered
        c.when(auxiliaryLoadAt(800)).at(64.75, s); // load 2800 kW, 425 kW over the rating
        assertEquals(250, c.last().batterySetpointKw(), "still asked to discharge");
        assertFalse(alarmed(c, BatteryFollow.ALARM), "within the 5 s follow time the command is trusted");

        c.at(66, s);
        assertTrue(alarmed(c, BatteryFollow.ALARM));
        assertTrue(reason(c).contains("counted as delivering 0 kW"), reason(c));
        // the miner limit reaches its target 25 s after the overrun began, the miners follow 3 s later
        c.at(85, s);
        assertEquals(2000 - 425, c.cycleAt(84.75, s).minerLimitKw(), EPS, "the whole excess on the miners by the fix time");
        c.at(120, s);
        assertTrue(after(c, 88).allMatch(x -> x.importKw() <= RATING_KW + EPS),
                () -> "import still over the rating: " + c.cycles().stream().filter(x -> x.importKw() > RATING_KW + EPS)
                        .reduce((a, b) -> b).orElseThrow());
        assertTrue(alarmed(c, BatteryFollow.ALARM), "raised as long as it does not follow");

        c.when(batteryFollows(true)).at(130, s); // repaired: the alarm stays until it delivers a setpoint it is given
        assertTrue(alarmed(c, BatteryFollow.ALARM), "idle at 0 kW shows nothing");
        c.when(auxiliaryLoadAt(850)).at(200, s); // 50 kW more load: the battery is asked for it and delivers it
        assertFalse(alarmed(c, BatteryFollow.ALARM));
        assertEquals(50, c.last().batterySetpointKw(), EPS);
        assertEquals(2000 - 425, c.last().minerLimitKw(), EPS);
        assertEquals(RATING_KW, c.last().importKw(), EPS);
    }

    @Test
    void aBatteryThatDeliversLessThanCommandedIsCountedAtWhatItDelivers() {
        Scenario c = site(true).when(batteryDeliversAtMost(100)).at(10, s); // derated by its BMS to 100 kW
        c.when(auxiliaryLoadAt(800)).at(60, s); // 425 kW over the rating
        assertTrue(c.cycles().stream().anyMatch(x -> x.status().conditions().stream()
                .anyMatch(a -> a.id().equals(BatteryFollow.ALARM) && a.reading() == 100)));
        assertEquals(2000 - 325, c.last().minerLimitKw(), EPS, "the miners take the 325 kW the battery does not");
        assertEquals(RATING_KW, c.last().importKw(), EPS);
        assertTrue(after(c, 10 + 28).allMatch(x -> x.importKw() <= RATING_KW + EPS),
                () -> "under within the fix time and the miners' response: "
                        + c.cycles().stream().filter(x -> x.importKw() > RATING_KW + EPS).reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void largeOverrunWithoutBatteryIsCommandedAwayWithinTheFixTimeNotAtTheSlowerCurtailRate() {
        Scenario c = site(false).at(10, s);
        c.when(auxiliaryLoadAt(1400)).at(22.5, s); // load 3400 kW: 1025 kW over; at 20 kW/s that would take 51 s
        double halfway = c.last().minerLimitKw();
        assertTrue(halfway < 2000 - 1025 * 0.4 && halfway > 2000 - 1025 * 0.6, "a linear ramp, not a shed: " + halfway);
        c.at(35, s);
        assertEquals(975, c.cycleAt(34.75, s).minerLimitKw(), EPS, "limit at its target 25 s after the overrun began");
        c.at(38, s);
        assertTrue(c.last().importKw() <= RATING_KW + EPS, "import under the rating 28 s after the step");
        c.at(60, s);
        assertTrue(after(c, 38).allMatch(x -> x.importKw() <= RATING_KW + EPS));
    }

    @Test
    void batteryStopsAtItsReserveAndTheMinersTakeOverItsShareWithinTheFixTime() {
        Scenario c = site(true).at(10, s);
        c.when(batterySocAt(20.5), auxiliaryLoadAt(800)).at(150, s);
        assertTrue(c.cycles().stream().allMatch(x -> x.batterySetpointKw() <= 0 || x.socPct() > 20),
                "never asked to discharge at or below the 20 % reserve");
        assertTrue(c.cycles().stream().mapToDouble(Cycle::socPct).min().orElseThrow() > 20 - 0.01);
        Cycle stop = after(c, 10.25).filter(x -> x.batterySetpointKw() == 0).findFirst().orElseThrow();
        assertTrue(stop.socPct() <= 20, "stopped for the reserve: " + stop.socPct() + " %");
        // 2.5 kWh at 250 kW: the battery carries 36 s, then 250 kW more move to the miners
        assertEquals(46, stop.seconds(), 0.5);
        assertTrue(after(c, stop.seconds() + 30).allMatch(x -> x.importKw() <= RATING_KW + EPS
                && x.batterySetpointKw() == 0));
        assertEquals(2000 - 425, c.last().minerLimitKw(), EPS);
    }

    @Test
    void batteryRechargesWithinTheHeadroomUpToItsTargetAndResumesOnlyBelowTheTargetMinusTwoPercent() {
        Scenario c = site(true).when(batterySocAt(50), minerDemandAt(1600)); // load 1800 kW: 575 kW under the rating
        c.at(15, s); // charging ramps in at 20 kW/s: 250 kW in 12.5 s
        assertEquals(-250, c.last().batterySetpointKw(), "full charge power fits in 2375 - 50 - 1800 = 525 kW");
        c.when(minerDemandAt(2100)).at(90, s); // load 2300 kW
        assertEquals(-25, c.last().batterySetpointKw(), EPS, "charges with what is left under the rating less 50 kW");
        // the cycle that sees the load step first still shows it; from the next one the import is held
        assertTrue(after(c, 15.25).allMatch(x -> x.importKw() <= RATING_KW + EPS),
                () -> c.cycles().stream().filter(x -> x.importKw() > RATING_KW + EPS).limit(3).toList().toString());
        assertEquals(2300 + 25, c.last().importKw(), EPS);

        c.when(minerDemandAt(1600), batterySocAt(79.99)).at(100, s);
        assertEquals(0, c.last().batterySetpointKw(), "stops at the 80 % target");
        c.when(batterySocAt(79)).at(105, s);
        assertEquals(0, c.last().batterySetpointKw(), "79 % does not restart charging: no flapping at the target");
        c.when(batterySocAt(77.9)).cycle();
        assertTrue(c.last().batterySetpointKw() < 0, "below target - 2 %: charging restarts");
        c.at(120, s);
        assertEquals(-250, c.last().batterySetpointKw(), "ramped up to full charge power");
    }

    @Test
    void importCapOverrideHoldsImportUnderItUntilItExpiresThenMinersComeBackAtTheRecoveryRate() {
        Scenario c = site(true).at(30, s);
        c.when(importCapOverride(1500, Duration.ofSeconds(90), "dr-event-7")).cycle();
        assertEquals(250, c.last().batterySetpointKw());
        assertTrue(reason(c).contains("import cap override 1500 kW (dr-event-7"), reason(c));
        // 700 kW over: 250 from the battery, 450 from the miners at 20 kW/s (22.5 s) + 3 s sleep
        c.at(120, s);
        assertTrue(after(c, 56).allMatch(x -> x.importKw() <= 1500 + EPS));
        assertEquals(1550, c.last().minerLimitKw(), EPS);

        c.at(180, s);
        assertEquals(RATING_KW, c.cycleAt(120, s).allowedKw(), EPS, "expired at 120 s: the rating applies again");
        assertTrue(c.cycleAt(121, s).batterySetpointKw() > 200, "discharge is released gradually, raising the import");
        assertEquals(0, c.cycleAt(135, s).batterySetpointKw(), "at 20 kW/s: 250 kW in 12.5 s");
        List<Cycle> later = after(c, 120).toList();
        for (int i = 1; i < later.size(); i++) {
            assertTrue(later.get(i).minerLimitKw() - later.get(i - 1).minerLimitKw() <= 10 * 0.25 + EPS);
        }
        assertEquals(1550 + 10 * 30, c.cycleAt(150, s).minerLimitKw(), 2.5 + EPS, "10 kW/s from 1550 kW");
        c.at(220, s);
        assertEquals(2200, c.last().importKw(), EPS);
    }

    @Test
    void measuredHotSpotAboveTheContinuousLimitStepsAllowedImportDownSlowlyHoldsAndReleases() {
        Scenario c = site(false).when(windingAt(95)).at(10, s);
        assertEquals(RATING_KW, c.last().allowedKw(), EPS);

        c.when(windingAt(115)).at(70, s);
        // from the 2200 kW it found, 2 kW/s for 60 s
        assertEquals(2080, c.last().allowedKw(), 0.5 + EPS);
        assertTrue(c.last().importKw() > 2080 && c.last().importKw() < 2090, "miners follow: " + c.last().importKw());
        AlarmCondition hot = c.last().condition("power.hot-spot");
        assertEquals(Severity.WARNING, hot.severity());
        assertTrue(reason(c).contains("transformer/winding_temp=115.0"));

        c.when(windingAt(107)).at(100, s); // under the limit, not yet 5 K under: hold
        assertEquals(c.cycleAt(70, s).allowedKw(), c.last().allowedKw(), EPS);
        c.when(windingAt(100)).at(131, s);
        assertEquals(RATING_KW, c.last().allowedKw(), EPS, "released at 10 kW/s: 295 kW in under 30 s");
        assertTrue(c.cycleAt(110, s).allowedKw() < 2190, "gradually: " + c.cycleAt(110, s).allowedKw());
    }

    @Test
    void hotSpotAboveTheEmergencyLimitIsCriticalAndReducesTenTimesFaster() {
        Scenario c = site(false).when(windingAt(95)).at(10, s);
        c.when(windingAt(145)).at(20, s);
        assertEquals(2200 - 200, c.last().allowedKw(), 20 * 0.25 + EPS);
        assertEquals(Severity.CRITICAL, c.last().condition("power.hot-spot").severity());
    }

    @Test
    void withoutAGoodWindingReadingTheModelIsUsedAndABadAmbientIsTakenAsTheHotDesignAmbient() {
        TransformerThermalModel m = new TransformerThermalModel(TransformerParams.onan(2500));
        double pu = 2300 / 0.95 / 2500;

        Scenario mild = site(false).when(windingAt(Double.NaN), auxiliaryLoadAt(300), ambientAt(25)).cycle();
        assertEquals(m.steadyState(pu, 25).hotSpotC(), modelledHotSpot(mild), EPS);
        assertTrue(modelledHotSpot(mild) < 110, "at 25 degC, 0.97 pu is within the continuous limit");
        assertTrue(alarmed(mild, "power.hot-spot-modelled"));

        Scenario hot = site(false).when(windingAt(Double.NaN), auxiliaryLoadAt(300), ambientBad()).cycle();
        double expected = m.steadyState(pu, 40).hotSpotC();
        assertEquals(expected, modelledHotSpot(hot), EPS);
        assertTrue(expected > 110, "40 degC assumed: " + expected);
        assertTrue(alarmed(hot, "power.hot-spot"));
        hot.at(60, s);
        assertTrue(hot.last().allowedKw() < 2300 - 100, "derating on the model: " + hot.last().allowedKw());

        Scenario oil = site(false).when(windingAt(Double.NaN), auxiliaryLoadAt(300), transformerAt("top_oil_temp", 90))
                .cycle();
        assertEquals(90 + m.ultimateHotSpotGradientK(pu), modelledHotSpot(oil), EPS, "measured top oil + modelled gradient");
    }

    /** The hot spot the guard acted on without a good winding reading, as its alarm reports it. */
    private static double modelledHotSpot(Scenario sc) {
        return sc.last().condition("power.hot-spot-modelled").reading();
    }

    @Test
    void badImportReadingGoesToTheSafeLevelWithAnIdleBatteryAndRecoversOnlyAfterTheHoldTime() {
        Scenario c = site(true).when(auxiliaryLoadAt(800)).at(20, s);
        assertEquals(250, c.last().batterySetpointKw());

        c.when(importBad()).cycle();
        assertEquals(0, c.last().minerLimitKw());
        assertTrue(c.last().verdict("power").holdWake());
        assertEquals(0, c.last().batterySetpointKw());
        assertTrue(alarmed(c, "power.input-bad"));
        c.at(30, s);

        c.when(meterAnswers()).at(59.75, s);
        assertEquals(0, c.last().minerLimitKw(), "good again for 29.75 s: still the safe level");
        assertTrue(alarmed(c, "power.input-bad"));
        c.cycle();
        assertFalse(alarmed(c, "power.input-bad"));
        assertTrue(c.last().minerLimitKw() <= 2.5 + EPS, "from the safe level at the recovery rate");
        c.at(70, s);
        assertEquals(2.5 * 41, c.last().minerLimitKw(), EPS, "41 cycles at 10 kW/s");
    }

    @Test
    void badSocReadingKeepsTheBatteryIdleAndTheMinersTakeTheWholeReduction() {
        Scenario c = site(true).when(batterySocBad()).at(10, s);
        c.when(auxiliaryLoadAt(800)).at(60, s);
        assertTrue(c.cycles().stream().allMatch(x -> x.batterySetpointKw() == 0));
        assertTrue(alarmed(c, "power.battery-input-bad"));
        assertEquals(2000 - 425, c.last().minerLimitKw(), EPS);
        assertEquals(RATING_KW, c.last().importKw(), EPS);
    }

    @Test
    void commandedMinerLimitNeverRisesFasterThanTheRecoveryRateWhateverHappens() {
        Random r = new Random(7);
        Scenario c = site(true);
        for (int step = 0; step < 400; step++) {
            double socPct = r.nextDouble() * 100;
            c.when(auxiliaryLoadAt(r.nextDouble() * 1500), minerDemandAt(r.nextDouble() * 2500),
                    r.nextDouble() > 0.05 ? meterAnswers() : importBad(),
                    r.nextDouble() > 0.1 ? sc -> sc.image().answers("battery", "m802.SoC") : batterySocBad(),
                    r.nextBoolean() ? ambientAt(30) : ambientBad(),
                    windingAt(r.nextBoolean() ? Double.NaN : 80 + r.nextDouble() * 70), batterySocAt(socPct));
            if (r.nextDouble() < 0.1) {
                overrideIfAccepted(c, r.nextDouble() * 2500, r.nextInt(120_000));
            }
            c.runFor(5, s);
        }
        List<Cycle> all = c.cycles();
        for (int i = 1; i < all.size(); i++) {
            double rise = all.get(i).minerLimitKw() - all.get(i - 1).minerLimitKw();
            assertTrue(rise <= 10 * 0.25 + EPS, "rose " + rise + " kW in one cycle at " + all.get(i).seconds() + " s");
            assertTrue(all.get(i).minerLimitKw() >= 0);
            assertTrue(Math.abs(all.get(i).batterySetpointKw()) <= 250 + EPS);
        }
    }

    /** An override as an operator might send it; one the controller refuses (too high, too short) changes nothing. */
    private static void overrideIfAccepted(Scenario c, double capKw, long millis) {
        try {
            c.when(importCapOverride(capKw, Duration.ofMillis(millis), "test"));
        } catch (IllegalArgumentException refused) {
            // as the controller answers an operator: nothing changed
        }
    }

    /** The cycles from {@code seconds} after the start on. */
    private static java.util.stream.Stream<Cycle> after(Scenario c, double seconds) {
        return c.cycles().stream().filter(x -> x.seconds() >= seconds);
    }
}
