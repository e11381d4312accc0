package io.containeredge.control.planner;

import io.containeredge.control.economics.UnitModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * What the fleet earns from mining, as power segments by falling value: the first {@code kw} of the first segment
 * earn its {@code usdPerMwh} for every MWh they consume, the next segment less, and so on. The LP fills a slot's
 * mining power from the top, so it sees the concave envelope of the fleet: a unit's power targets between its
 * steps and below its lowest step are relaxed to a continuum (a unit at 40 % of its lowest step is not a real
 * state; the runtime rounds to the steps with economics).
 *
 * @param segments by value descending, each of positive power
 */
public record ValueCurve(List<Segment> segments) {

    /**
     * How many segments {@link #of(Collection, double)} keeps at most, so 192 slots stay a small LP: each segment is
     * a column per slot, and the solver's dense tableau grows with them (at 192 slots without a demand charge a solve
     * needs some 15 MB of heap with 12 segments, 19 MB with 15, 11 MB with 8: the plan-bench benchmark).
     */
    public static final int MAX_SEGMENTS = 12;
    private static final double HOURS_PER_DAY = 24;
    private static final double W_PER_KW = 1000;
    private static final double KW_PER_MW = 1000;
    /** Mining power this close to a segment boundary counts as on it. */
    private static final double BOUNDARY_KW = 1e-3;
    /** How far beyond the first or last segment the energy value lies when the plan mines nothing or all. */
    private static final double BEYOND_USD_PER_MWH = 1;

    /**
     * One block of mining power and what it earns.
     *
     * @param kw the block's power
     * @param usdPerMwh mining revenue per MWh the block consumes (before energy costs)
     */
    public record Segment(double kw, double usdPerMwh) {

        public Segment {
            if (!(kw > 0) || !Double.isFinite(kw) || !Double.isFinite(usdPerMwh)) {
                throw new IllegalArgumentException("value segment of " + kw + " kW at " + usdPerMwh
                        + " USD/MWh: power must be positive and both finite");
            }
        }
    }

    public ValueCurve {
        segments = List.copyOf(segments);
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).usdPerMwh() > segments.get(i - 1).usdPerMwh()) {
                throw new IllegalArgumentException("value segment " + i + " (" + segments.get(i).usdPerMwh()
                        + " USD/MWh) earns more than the one before: segments go by value descending");
            }
        }
    }

    /**
     * The curve of a fleet, one {@link UnitModel} per miner: each unit's power steps give increments (from asleep
     * to its lowest step, then step to step) worth the hashrate they add times the hashprice per MWh they add;
     * all increments by value descending, equal values merged, then neighbours merged (kW-weighted value, so the
     * revenue of the whole block is kept) until at most {@link #MAX_SEGMENTS} remain.
     *
     * @param netUsdPerThDay the hashprice after the pool's fee, USD per TH/s per day
     */
    public static ValueCurve of(Collection<UnitModel> units, double netUsdPerThDay) {
        return of(units, netUsdPerThDay, MAX_SEGMENTS);
    }

    /** The same with at most {@code maxSegments} segments: fewer make a smaller, faster and coarser LP. */
    public static ValueCurve of(Collection<UnitModel> units, double netUsdPerThDay, int maxSegments) {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("a value curve needs at least 1 segment, not " + maxSegments);
        }
        List<Segment> increments = new ArrayList<>();
        for (UnitModel unit : units) {
            double lastW = 0;
            double lastTh = 0;
            for (double w : unit.steps()) {
                double th = unit.curve().hashrateThAt(w);
                double mwhPerHour = (w - lastW) / W_PER_KW / KW_PER_MW;
                double usdPerHour = (th - lastTh) * netUsdPerThDay / HOURS_PER_DAY;
                increments.add(new Segment((w - lastW) / W_PER_KW, usdPerHour / mwhPerHour));
                lastW = w;
                lastTh = th;
            }
        }
        increments.sort(Comparator.comparingDouble(Segment::usdPerMwh).reversed());
        return new ValueCurve(SegmentMerge.toAtMost(maxSegments, increments));
    }

    /** All the mining power the curve holds. */
    public double maxKw() {
        return segments.stream().mapToDouble(Segment::kw).sum();
    }

    /**
     * The value of energy to mining when the fleet draws {@code miningKw}: the value of the segment that power
     * ends inside; on the boundary between two segments, the midpoint of their values (any price between them
     * runs the one and not the other); with no mining, {@value #BEYOND_USD_PER_MWH} USD/MWh above the first
     * segment; with all of it, as much below the last. So economics, fed this as the price of energy, runs the
     * segments the plan runs.
     */
    public double marginalUsdPerMwh(double miningKw) {
        if (segments.isEmpty()) {
            return 0;
        }
        double upTo = 0;
        for (int k = 0; k < segments.size(); k++) {
            Segment s = segments.get(k);
            if (miningKw <= upTo + BOUNDARY_KW) {
                return k == 0 ? s.usdPerMwh() + BEYOND_USD_PER_MWH
                        : (segments.get(k - 1).usdPerMwh() + s.usdPerMwh()) / 2;
            }
            upTo += s.kw();
            if (miningKw < upTo - BOUNDARY_KW) {
                return s.usdPerMwh();
            }
        }
        return segments.get(segments.size() - 1).usdPerMwh() - BEYOND_USD_PER_MWH;
    }
}
