package io.containeredge.control.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.economics.UnitModel;
import io.containeredge.simulator.miner.ModelUnit;
import io.containeredge.site.api.MinerCurve;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Learning drives on polls of the simulator's units: an S21-class unit hashing 4 % above its model and a degraded
 * one (a dead hashboard, -33 %), each run for ten minutes at each of three power targets, polled every 5 s.
 */
class EfficiencyLearnerTest {

    static final UnitModel S21 = Polls.unit("s21-class");
    static final List<Double> TARGETS = List.of(3500.0, 2800.0, 2000.0);
    static final long POLL_MS = 5_000;
    static final long RUN_MS = 10 * 60_000;

    private final LearnedCurves curves = new LearnedCurves();
    private final EfficiencyLearner learner = new EfficiencyLearner(Map.of(0, S21, 1, S21), curves);
    private final SimulatedMiner fast = new SimulatedMiner(0, ModelUnit.of(Polls.model("s21-class"), 1.04, 0), 1);
    private final SimulatedMiner degraded = new SimulatedMiner(1, ModelUnit.of(Polls.model("s21-class"), 0.67, 1), 2);

    /** Both miners through the targets, each for {@link #RUN_MS}; the time after the run. */
    private long runThroughTheTargets(long from) {
        long t = from;
        for (double target : TARGETS) {
            fast.target(target, t);
            degraded.target(target, t);
            for (long end = t + RUN_MS; t < end; t += POLL_MS) {
                learner.observe(List.of(fast.poll(t), degraded.poll(t)), i -> Double.NaN, t);
            }
        }
        return t;
    }

    @Test
    void theLearnedPointsComeWithinOnePercentOfEachUnitsTrueHashrate() {
        runThroughTheTargets(0);
        for (SimulatedMiner m : List.of(fast, degraded)) {
            int index = m == fast ? 0 : 1;
            List<LearnedPoint> points = curves.points(index);
            assertEquals(TARGETS.stream().sorted().toList(), points.stream().map(LearnedPoint::stepW).toList());
            for (LearnedPoint p : points) {
                double truth = m.unit().hashrateThAt(p.powerW());
                assertEquals(truth, p.hashrateTh(), truth * 0.01, "miner " + index + " at " + p.stepW() + " W");
                assertEquals(p.stepW(), p.powerW(), p.stepW() * 0.01);
            }
        }
    }

    @Test
    void onlyPollsAWindowAfterTheChangeAreLearned() {
        runThroughTheTargets(0);
        // 120 polls per target; the first 12 fall within the minute after the change
        curves.points(0).forEach(p -> assertEquals(120 - 12, p.samples(), "at " + p.stepW() + " W"));
    }

    @Test
    void aMinersCurveIsItsLearnedPointsAndItsModelScaledElsewhere() {
        runThroughTheTargets(0);
        MinerCurve curve = curves.curveOf(1, S21, 20);
        for (double w : List.of(1050.0, 1500.0, 2000.0, 2400.0, 2800.0, 3200.0, 3500.0, 3850.0)) {
            double truth = degraded.unit().hashrateThAt(w);
            assertEquals(truth, curve.hashrateThAt(w), truth * 0.01, "degraded unit at " + w + " W");
        }
        assertEquals(S21.curve(), curves.curveOf(1, S21, 200), "too few samples: the model's curve");
    }

    @Test
    void aCurveLearnedOnAMeteredSocketKeepsItsModelsPowerSpanAndStepGrid() {
        MinerCurve model = S21.curve();
        double lowest = S21.steps().get(0);
        double top = S21.topW();
        for (int i = 0; i < 20; i++) {
            // the socket meters 1 % above the firmware's power; the unit hashes 10 % below its model
            curves.add(0, S21.model(), lowest, lowest * 1.01, model.hashrateThAt(lowest) * 0.9);
            curves.add(0, S21.model(), top, top * 1.01, model.hashrateThAt(top) * 0.9);
        }
        MinerCurve learned = curves.curveOf(0, S21, 20);
        assertEquals(List.of(model.minPowerW(), model.maxPowerW()), List.of(learned.minPowerW(),
                learned.maxPowerW()), "the model's span");
        assertEquals(S21.steps(), S21.withCurve(learned).steps(), "the model's power targets");
        assertEquals(model.hashrateThAt(lowest) * 0.9 / 1.01, learned.hashrateThAt(lowest), 1e-9,
                "between the model's end and the learned point drawn beyond it: the learned point's J/TH");
    }

    @Test
    void aPollCountsOnceAndASleepingMinerIsNotLearned() {
        fast.target(3500, 0);
        for (long t = 0; t <= 120_000; t += POLL_MS) {
            learner.observe(List.of(fast.poll(60_000), Polls.asleep(1, t)), i -> Double.NaN, t);
        }
        assertEquals(0, curves.samples(0), "one poll seen again and again is one sample, taken before it settled");
        assertEquals(List.of(), curves.points(1));
    }

    @Test
    void aPowerThatKeepsMovingNeverSettles() {
        for (long t = 0; t <= 600_000; t += POLL_MS) {
            double ramping = 2000 + t / 1000.0 * 5; // 5 W/s: more than 3 % a minute
            learner.observe(List.of(Polls.hashing(0, 3500, ramping, 150, t)), i -> Double.NaN, t);
        }
        assertTrue(learner.settled(0).isEmpty());
        assertEquals(0, curves.samples(0));
    }

    @Test
    void theMeteredPowerIsLearnedWhereThePduMetersTheSocket() {
        for (long t = 0; t <= 120_000; t += POLL_MS) {
            learner.observe(List.of(Polls.hashing(0, 3500, 3500, 200, t)), i -> 3650.0, t);
        }
        assertEquals(3650, curves.points(0).get(0).powerW(), 1e-9);
        assertEquals(3650 / 200.0, learner.settled(0).orElseThrow().joulesPerTh(), 1e-9);
    }

    @Test
    void aMinerThatBecameAnotherModelStartsAgain() {
        curves.add(0, "S21", 3500, 3500, 200);
        curves.add(0, "S19j Pro", 3000, 3000, 100);
        assertEquals(List.of(LearnedPoint.first(3000, 3000, 100)), curves.points(0));
    }
}
