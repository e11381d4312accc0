package io.containeredge.control.efficiency;

import io.containeredge.control.economics.UnitModel;
import io.containeredge.site.api.MinerCurve;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every miner's learned points by power step, with the model each was learned for: a miner whose site model
 * changed (another unit in its place) starts again. Used by the control cycle's thread only.
 */
public final class LearnedCurves {

    /** One miner's points, learned as a unit of {@code model}. */
    public record Learned(String model, List<LearnedPoint> points) {

        public Learned {
            points = List.copyOf(points);
        }
    }

    private final Map<Integer, String> models = new TreeMap<>();
    private final Map<Integer, TreeMap<Double, LearnedPoint>> points = new TreeMap<>();

    /** Adds one settled sample of miner {@code index}, a unit of {@code model}, at power step {@code stepW}. */
    void add(int index, String model, double stepW, double powerW, double hashrateTh) {
        if (!model.equals(models.put(index, model))) {
            points.put(index, new TreeMap<>());
        }
        points.get(index).merge(stepW, LearnedPoint.first(stepW, powerW, hashrateTh),
                (old, first) -> old.plus(powerW, hashrateTh));
    }

    /** Every miner's points, by index: what the file keeps. */
    public Map<Integer, Learned> all() {
        Map<Integer, Learned> all = new TreeMap<>();
        points.forEach((index, byStep) -> all.put(index, new Learned(models.get(index),
                new ArrayList<>(byStep.values()))));
        return all;
    }

    /**
     * Takes back what a file kept, for the miners still units of the model they were learned as: points of a
     * miner whose model changed, or that the site no longer has, are dropped.
     */
    void restore(Map<Integer, Learned> saved, Map<Integer, UnitModel> units) {
        saved.forEach((index, learned) -> {
            UnitModel unit = units.get(index);
            if (unit != null && unit.model().equals(learned.model())) {
                models.put(index, learned.model());
                TreeMap<Double, LearnedPoint> byStep = new TreeMap<>();
                learned.points().forEach(p -> byStep.put(p.stepW(), p));
                points.put(index, byStep);
            }
        });
    }

    /** Miner {@code index}'s points, by rising step; none before its first settled sample. */
    public List<LearnedPoint> points(int index) {
        TreeMap<Double, LearnedPoint> byStep = points.get(index);
        return byStep == null ? List.of() : List.copyOf(byStep.values());
    }

    /** How many settled samples miner {@code index}'s points are made of. */
    public long samples(int index) {
        return points(index).stream().mapToLong(LearnedPoint::samples).sum();
    }

    /**
     * Miner {@code index}'s own curve: its learned points that have at least {@code minSamples} samples, and between
     * and beyond them its model's curve scaled by how far its learned points lie from the model's (the mean ratio
     * of learned to model hashrate at their power). Scaling is what a unit's spread and a dead hashboard do: the
     * whole curve moves by one factor. The model's points within half a step of a learned point give way to it;
     * a learned point that hashes less than the one below it (noise between close steps) is raised to that one's
     * hashrate, since a curve never falls with power. It spans the model curve's powers ({@link #onModelSpan}).
     * The model's curve until a point has enough samples.
     */
    public MinerCurve curveOf(int index, UnitModel unit, int minSamples) {
        List<LearnedPoint> confident = points(index).stream().filter(p -> p.samples() >= minSamples).toList();
        MinerCurve model = unit.curve();
        if (confident.isEmpty()) {
            return model;
        }
        double factor = confident.stream().mapToDouble(p -> p.hashrateTh() / modelThAt(model, p.powerW()))
                .average().orElseThrow();
        List<MinerCurve.Point> merged = new ArrayList<>();
        confident.forEach(p -> merged.add(new MinerCurve.Point(p.powerW(), p.hashrateTh())));
        for (MinerCurve.Point m : model.points()) {
            boolean nearLearned = confident.stream().anyMatch(p -> Math.abs(p.powerW() - m.powerW()) < unit.stepW() / 2);
            if (!nearLearned) {
                merged.add(new MinerCurve.Point(m.powerW(), m.hashrateTh() * factor));
            }
        }
        merged.sort(Comparator.comparingDouble(MinerCurve.Point::powerW));
        List<MinerCurve.Point> rising = new ArrayList<>();
        for (MinerCurve.Point p : merged) {
            if (rising.isEmpty()) {
                rising.add(p);
                continue;
            }
            MinerCurve.Point last = rising.get(rising.size() - 1);
            if (p.powerW() > last.powerW()) {
                rising.add(new MinerCurve.Point(p.powerW(), Math.max(p.hashrateTh(), last.hashrateTh())));
            }
        }
        return onModelSpan(model, rising.size() >= 2 ? new MinerCurve(rising) : model.scaledHashrate(factor));
    }

    /**
     * {@code curve} over exactly the model curve's powers: a learned end point lies at the power the miner drew
     * (reported or metered), a little off its model's end, and economics takes a unit's power targets from where
     * its curve starts: without this they would leave the model's step grid. Beyond a learned end
     * the hashrate goes with the power (the same J/TH, over less than half a step); inside, the curve is kept.
     */
    static MinerCurve onModelSpan(MinerCurve model, MinerCurve curve) {
        double lo = model.minPowerW();
        double hi = model.maxPowerW();
        List<MinerCurve.Point> points = new ArrayList<>();
        points.add(new MinerCurve.Point(lo, sameJoulesPerTh(curve, lo)));
        curve.points().stream().filter(p -> p.powerW() > lo && p.powerW() < hi).forEach(points::add);
        points.add(new MinerCurve.Point(hi, sameJoulesPerTh(curve, hi)));
        return new MinerCurve(points);
    }

    /** {@code curve}'s hashrate at {@code powerW}; beyond its ends, its end's J/TH. */
    private static double sameJoulesPerTh(MinerCurve curve, double powerW) {
        if (powerW >= curve.minPowerW() && powerW <= curve.maxPowerW()) {
            return curve.hashrateThAt(powerW);
        }
        MinerCurve.Point end = curve.points().get(powerW < curve.minPowerW() ? 0 : curve.points().size() - 1);
        return end.hashrateTh() * powerW / end.powerW();
    }

    /** The model's hashrate at {@code powerW}, at the nearest end of its curve outside it. */
    static double modelThAt(MinerCurve model, double powerW) {
        return model.hashrateThAt(Math.max(model.minPowerW(), Math.min(model.maxPowerW(), powerW)));
    }
}
