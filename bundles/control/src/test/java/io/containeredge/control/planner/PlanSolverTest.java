package io.containeredge.control.planner;

import static io.containeredge.control.planner.Problems.BATTERY;
import static io.containeredge.control.planner.Problems.solve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.planner.ValueCurve.Segment;
import org.junit.jupiter.api.Test;

/** The LP model's behaviour on small problems whose best plan can be worked out by hand. */
class PlanSolverTest {

    private static final double KW = 1e-6;

    @Test
    void chargesInTheOneCheapSlotAndDischargesInTheDearOnes() throws PlanException {
        Plan plan = solve(Problems.hourly().battery(BATTERY, 50).slot(100, 0, 20, 200).slot(100, 0, 20, 200)
                .slot(10, 0, 20, 200).slot(100, 0, 20, 200).build());

        // the 40 kWh above 10 % serve the first two slots; the cheap slot charges what the last one needs (the
        // plan puts no value on energy left at its end)
        assertEquals(20, plan.slots().get(0).dischargeKw(), KW);
        assertEquals(20, plan.slots().get(1).dischargeKw(), KW);
        assertEquals(20, plan.slots().get(2).chargeKw(), KW);
        assertEquals(20, plan.slots().get(3).dischargeKw(), KW);
        for (int t : new int[] {0, 1, 3}) {
            assertEquals(0, plan.slots().get(t).importKw(), KW);
            assertEquals(0, plan.slots().get(t).chargeKw(), KW);
        }
        assertEquals(40, plan.slots().get(2).importKw(), KW, "the firm load and the charge at 10 USD/MWh");
        assertEquals(-40 * 10 / 1000.0, plan.objectiveUsd(), 1e-6);
    }

    @Test
    void negativePricesImportChargeAndMine() throws PlanException {
        Plan plan = solve(Problems.hourly().battery(BATTERY, 50).mining(new Segment(60, 40))
                .slot(-20, -20, 0, 10, 200, 60).build());

        PlannedSlot slot = plan.slots().get(0);
        assertEquals(60, slot.miningKw(), KW);
        assertEquals(40, slot.chargeKw(), KW, "to 90 % (40 kWh in the hour)");
        assertEquals(10 + 60 + 40, slot.importKw(), KW);
        assertEquals(60 * 40 / 1000.0, slot.miningUsd(), 1e-9);
        assertEquals(-110 * 20 / 1000.0, slot.importUsd(), 1e-9, "paid to import");
    }

    @Test
    void exportsAtAHighMarketPriceAndCurtailsTheMiners() throws PlanException {
        Plan plan = solve(Problems.hourly().mining(new Segment(100, 120)).export(200)
                .slot(600, 500, 150, 10, 300, 1000).build());

        PlannedSlot slot = plan.slots().get(0);
        assertEquals(0, slot.miningKw(), KW, "a MWh exported earns 500 USD, mined 120");
        assertEquals(140, slot.exportKw(), KW, "all the PV above the firm load");
        assertEquals(0, slot.importKw(), KW, "never import to export: export counts at most the import price");
        assertEquals(140 * 500 / 1000.0, slot.exportUsd(), 1e-9);
    }

    @Test
    void curtailsPvAtNoonWithoutExportAndANegativePrice() throws PlanException {
        Plan plan = solve(Problems.hourly().export(0).slot(-50, 100, 10, 200).build());

        PlannedSlot slot = plan.slots().get(0);
        assertEquals(0, slot.exportKw(), KW);
        assertEquals(100, slot.pvCurtailedKw(), KW, "the grid pays to serve the firm load: the PV is all curtailed");
        assertEquals(10, slot.importKw(), KW);
    }

    @Test
    void aDemandChargeFlattensThePeak() throws PlanException {
        // a flat price and some wear: without a demand charge the battery only drains its 40 kWh
        Problems peaky = Problems.hourly().battery(new StorageModel(100, 10, 90, 50, 50, 1, 5), 50);
        for (int t = 0; t < 4; t++) {
            peaky.slot(30, 0, t % 2 == 0 ? 50 : 150, 400);
        }
        Plan flat = solve(peaky.demandCharge(100, 0).build());
        Plan free = solve(peaky.demandCharge(0, 0).build());

        assertEquals(100, flat.peakImportKw(), 1e-4, "the battery takes 50 kW off each 150 kW slot");
        assertEquals(100 * 100, flat.demandUsd(), 1e-2);
        for (int t = 1; t < 4; t++) {
            assertEquals(100, flat.slots().get(t).importKw(), 1e-4);
        }
        assertTrue(free.peakImportKw() >= 130 - 1e-6, "40 kWh cannot flatten two 150 kW slots: "
                + free.peakImportKw());
    }

    @Test
    void onlyAPeakAboveThePeakSoFarCosts() throws PlanException {
        Plan plan = solve(Problems.hourly().slot(50, 0, 80, 200).demandCharge(10, 120).build());

        assertEquals(120, plan.peakImportKw(), KW);
        assertEquals(0, plan.demandUsd(), KW);
    }

    @Test
    void slotsCappedWithinThePeakSoFarLeaveThePeakToTheOthers() throws PlanException {
        // the first slot cannot pass the 120 kW peak so far; the second, needing 150 kW, sets the new peak
        Plan plan = solve(Problems.hourly().slot(50, 0, 110, 110).slot(50, 0, 150, 200).demandCharge(10, 120)
                .build());

        assertEquals(150, plan.peakImportKw(), KW);
        assertEquals(10 * 30, plan.demandUsd(), KW);
        assertEquals(110, plan.slots().get(0).importKw(), KW);
    }

    @Test
    void firmLoadBeyondGridPvAndBatteryIsInfeasibleNamingTheSlot() {
        PlanException e = assertThrows(PlanException.class, () -> solve(Problems.hourly().battery(BATTERY, 50)
                .slot(50, 0, 10, 100).slot(50, 20, 200, 100).build()));

        assertTrue(e.getMessage().contains("slot 1"), e.getMessage());
        assertTrue(e.getMessage().contains("200.0 kW of firm load"), e.getMessage());
    }

    @Test
    void aBatteryTooSmallToCoverTheGapIsInfeasible() {
        // 30 kW above the cap for five hours: 150 kWh, of which the battery holds 40 above its minimum
        Problems short5 = Problems.hourly().battery(BATTERY, 50);
        for (int t = 0; t < 5; t++) {
            short5.slot(50, 0, 130, 100);
        }
        PlanException e = assertThrows(PlanException.class, () -> solve(short5.build()));

        assertTrue(e.getMessage().contains("no plan of 5 slots"), e.getMessage());
    }

    @Test
    void energyValueIsTheMarginalMiningSegment() throws PlanException {
        Plan plan = solve(Problems.hourly().mining(new Segment(50, 90), new Segment(50, 60))
                .slot(70, 0, 0, 10, 1000, 1000).slot(50, 0, 0, 10, 1000, 80).slot(95, 0, 0, 10, 1000, 1000).build());

        assertEquals(50, plan.slots().get(0).miningKw(), KW, "the 60 USD/MWh segment does not pay at 70");
        assertEquals((90 + 60) / 2.0, plan.slots().get(0).energyValueUsdPerMwh(), 1e-9);
        assertEquals(80, plan.slots().get(1).miningKw(), KW, "both pay at 50 USD/MWh, up to the slot's maximum");
        assertEquals(60, plan.slots().get(1).energyValueUsdPerMwh(), 1e-9, "inside the second segment");
        assertEquals(0, plan.slots().get(2).miningKw(), KW);
        assertEquals(91, plan.slots().get(2).energyValueUsdPerMwh(), 1e-9);
    }

    @Test
    void aBatteryBelowItsWindowNowIsNotInfeasible() throws PlanException {
        Plan plan = solve(Problems.hourly().battery(BATTERY, 4).slot(100, 0, 20, 200).slot(10, 0, 20, 200)
                .slot(100, 0, 20, 200).build());

        for (PlannedSlot s : plan.slots()) {
            assertTrue(s.socPctEnd() >= 4 - KW, "never below where it is now: " + s.socPctEnd());
        }
        assertEquals(0, plan.slots().get(0).dischargeKw(), KW, "nothing above its 4 % to give");
    }

    @Test
    void aSolveOverItsTimeLimitFailsSayingSo() {
        Problems big = Problems.hourly().battery(BATTERY, 50).mining(new Segment(50, 90), new Segment(50, 60));
        for (int t = 0; t < 192; t++) {
            big.slot(40 + (t * 37) % 90, 10 * (t % 7), 20, 200);
        }
        PlanSolver hurried = new PlanSolver(java.time.Duration.ofNanos(1_000_000));

        PlanException e = assertThrows(PlanException.class,
                () -> hurried.solve(big.build(), java.util.Optional.empty()));
        assertTrue(e.getMessage().contains("limit of 1 ms") || e.getMessage().contains("limit 1 ms"), e.getMessage());
    }
}
