package io.containeredge.control.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.planner.ValueCurve.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LP against the brute-force {@link SocGridDp} on seeded random instances of ten hour slots and a 100 kWh
 * battery on a 5 % (5 kWh) grid. With a lossless battery and every power a multiple of 5 kW the model is a
 * network flow with capacities on the grid, so its optimum has its states of charge on the grid and the two must
 * agree; with losses the DP is one plan the LP could choose, so the LP is at least as good. Every plan also keeps
 * its battery within the window and its import within the cap.
 */
class PlanSolverAgainstDpTest {

    private static final double STEP_PCT = 5;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aLosslessBatteryOnTheGridGivesTheDpOptimum(long seed) throws PlanException {
        PlanProblem problem = instance(new Random(seed), 1);
        Plan plan = Problems.solve(problem);

        assertEquals(new SocGridDp(problem, STEP_PCT).bestUsd(), plan.objectiveUsd(), 1e-6, "seed " + seed);
        staysWithinLimits(problem, plan);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void aLossyBatteryPlansAtLeastAsWellAsTheGridDp(long seed) throws PlanException {
        PlanProblem problem = instance(new Random(seed), 0.85);
        Plan plan = Problems.solve(problem);
        double dp = new SocGridDp(problem, STEP_PCT).bestUsd();

        assertTrue(plan.objectiveUsd() >= dp - 1e-6, "seed " + seed + ": LP " + plan.objectiveUsd() + " < DP " + dp);
        staysWithinLimits(problem, plan);
    }

    private static void staysWithinLimits(PlanProblem problem, Plan plan) {
        StorageModel b = problem.storage();
        double h = problem.slotHours();
        for (int t = 0; t < plan.slots().size(); t++) {
            PlannedSlot s = plan.slots().get(t);
            PlanSlotInput in = problem.slots().get(t);
            assertTrue(s.socPctEnd() >= b.minSocPct() - 1e-6 && s.socPctEnd() <= b.maxSocPct() + 1e-6,
                    "slot " + t + " state of charge " + s.socPctEnd());
            assertTrue(s.importKw() <= in.importCapKw() + 1e-6, "slot " + t + " import " + s.importKw());
            assertTrue(s.miningKw() <= in.miningMaxKw() + 1e-6, "slot " + t + " mining " + s.miningKw());
            assertEquals(in.firmKw() + s.miningKw(), s.importKw() - s.exportKw() + s.pvUsedKw() + s.batteryKw(),
                    1e-6, "slot " + t + " balance");
            double before = t == 0 ? problem.socPctNow() : plan.slots().get(t - 1).socPctEnd();
            double eta = b.oneWayEfficiency();
            assertEquals(before + 100 * h * (eta * s.chargeKw() - s.dischargeKw() / eta) / b.capacityKwh(),
                    s.socPctEnd(), 1e-6, "slot " + t + " state of charge follows the flows");
        }
    }

    /** Ten hour slots, every power a multiple of 5 kW, the window and the state of charge now on the grid. */
    private static PlanProblem instance(Random r, double roundTrip) {
        int minSoc = 5 * (1 + r.nextInt(4));
        int maxSoc = 100 - 5 * r.nextInt(4);
        int socNow = minSoc + 5 * r.nextInt((maxSoc - minSoc) / 5 + 1);
        StorageModel battery = new StorageModel(100, minSoc, maxSoc, 5 * (1 + r.nextInt(6)), 5 * (1 + r.nextInt(6)),
                roundTrip, r.nextInt(6));
        List<Segment> segments = new ArrayList<>();
        double value = 80 + r.nextInt(80);
        for (int k = 0; k < 1 + r.nextInt(3); k++) {
            segments.add(new Segment(5 * (1 + r.nextInt(6)), value));
            value -= 10 + r.nextInt(40);
        }
        Problems p = Problems.hourly().battery(battery, socNow).export(5 * r.nextInt(7)).mining(segments
                .toArray(Segment[]::new));
        for (int t = 0; t < 10; t++) {
            double importUsd = -30 + r.nextInt(200) + r.nextDouble();
            double exportUsd = importUsd + (r.nextInt(4) == 0 ? 15 : -r.nextInt(30));
            int firm = 5 * r.nextInt(8);
            p.slot(importUsd, exportUsd, 5 * r.nextInt(13), firm, firm + 5 * r.nextInt(10), 5 * r.nextInt(10));
        }
        return p.build();
    }
}
