package io.containeredge.site.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How much a miner hashes at each power it may run at: measured points (power in W, hashrate in TH/s),
 * straight lines between them. Underclocking improves J/TH, so the curve bends: hashrate falls slower than
 * power near nominal. Outside its points a miner does not run at all (a power target below the lowest
 * point is refused by its firmware), so the curve says nothing there.
 *
 * @param points at least two, by rising power, each with more power and no less hashrate than the last
 */
public record MinerCurve(List<Point> points) {

    /** One measured operating point. */
    public record Point(double powerW, double hashrateTh) {
    }

    public MinerCurve {
        points = List.copyOf(points);
        if (points.size() < 2) {
            throw new IllegalArgumentException("a miner curve needs at least two points, got " + points.size());
        }
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            if (b.powerW() <= a.powerW() || b.hashrateTh() < a.hashrateTh()) {
                throw new IllegalArgumentException("miner curve point " + i + " (" + b.powerW() + " W, "
                        + b.hashrateTh() + " TH/s) must draw more and hash no less than the one before");
            }
        }
        if (points.get(0).powerW() <= 0 || points.get(0).hashrateTh() < 0) {
            throw new IllegalArgumentException("a miner curve starts at a positive power and a hashrate of 0 or more");
        }
    }

    /** The curve of {@code points} in any order. */
    public static MinerCurve of(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::powerW));
        return new MinerCurve(sorted);
    }

    public double minPowerW() {
        return points.get(0).powerW();
    }

    public double maxPowerW() {
        return points.get(points.size() - 1).powerW();
    }

    /** Hashrate at {@code powerW}, interpolated; {@link IllegalArgumentException} outside the curve. */
    public double hashrateThAt(double powerW) {
        if (powerW < minPowerW() || powerW > maxPowerW()) {
            throw new IllegalArgumentException(powerW + " W is outside the curve (" + minPowerW() + " to "
                    + maxPowerW() + " W)");
        }
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            if (powerW <= b.powerW()) {
                double share = (powerW - a.powerW()) / (b.powerW() - a.powerW());
                return a.hashrateTh() + share * (b.hashrateTh() - a.hashrateTh());
            }
        }
        return points.get(points.size() - 1).hashrateTh();
    }

    /** Energy per unit of work at {@code powerW}: W / (TH/s) is J/TH. Infinite where the miner hashes nothing. */
    public double joulesPerThAt(double powerW) {
        double th = hashrateThAt(powerW);
        return th <= 0 ? Double.POSITIVE_INFINITY : powerW / th;
    }

    /** This curve with every hashrate scaled by {@code factor} (a unit's spread, a dead hashboard). */
    public MinerCurve scaledHashrate(double factor) {
        if (!(factor >= 0)) {
            throw new IllegalArgumentException("hashrate factor must be 0 or more, got " + factor);
        }
        return new MinerCurve(points.stream().map(p -> new Point(p.powerW(), p.hashrateTh() * factor)).toList());
    }
}
