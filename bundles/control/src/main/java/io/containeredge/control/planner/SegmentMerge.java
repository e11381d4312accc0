package io.containeredge.control.planner;

import io.containeredge.control.planner.ValueCurve.Segment;
import java.util.ArrayList;
import java.util.List;

/** Shrinks a list of value segments (by value descending) by merging neighbours, keeping each block's revenue. */
final class SegmentMerge {

    /**
     * Values this close (relative) are equal: steps on one straight piece of a curve are worth the same, up to the
     * rounding of the interpolation.
     */
    private static final double SAME_VALUE = 1e-9;

    private SegmentMerge() {
    }

    /**
     * Equal values merged, then the two neighbours closest in value merged (ties: the first pair) until at most
     * {@code max} remain. The merged value is the kW-weighted mean, so full use of a block earns what it did.
     */
    static List<Segment> toAtMost(int max, List<Segment> byValueDescending) {
        List<Segment> merged = new ArrayList<>();
        for (Segment s : byValueDescending) {
            int last = merged.size() - 1;
            if (last >= 0 && same(merged.get(last).usdPerMwh(), s.usdPerMwh())) {
                merged.set(last, merge(merged.get(last), s));
            } else {
                merged.add(s);
            }
        }
        while (merged.size() > max) {
            int closest = 0;
            for (int i = 1; i < merged.size() - 1; i++) {
                if (gap(merged, i) < gap(merged, closest)) {
                    closest = i;
                }
            }
            merged.set(closest, merge(merged.get(closest), merged.remove(closest + 1)));
        }
        return merged;
    }

    private static double gap(List<Segment> segments, int i) {
        return segments.get(i).usdPerMwh() - segments.get(i + 1).usdPerMwh();
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= SAME_VALUE * Math.max(Math.abs(a), Math.abs(b));
    }

    /** {@code a} worth at least {@code b}; the mean is kept between them against rounding, so the order holds. */
    private static Segment merge(Segment a, Segment b) {
        double kw = a.kw() + b.kw();
        double mean = (a.kw() * a.usdPerMwh() + b.kw() * b.usdPerMwh()) / kw;
        return new Segment(kw, Math.min(a.usdPerMwh(), Math.max(b.usdPerMwh(), mean)));
    }
}
