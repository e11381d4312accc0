package io.containeredge.control.grid;

import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.GridEvent;
import java.util.List;
import java.util.Optional;

/** What an event asks of the container's import at a time: pure arithmetic over its intervals, baseline and ramp. */
final class EventTargets {

    private EventTargets() {
    }

    /** The interval in force at {@code wall}; empty before, between and after the intervals. */
    static Optional<EventInterval> intervalAt(GridEvent e, long wall) {
        for (EventInterval in : e.intervals()) {
            if (wall >= in.startMillis() && wall < in.endMillis()) {
                return Optional.of(in);
            }
        }
        return Optional.empty();
    }

    /** Whether the import asked for is an import limit (the kinds that are not: an export limit and a price). */
    static boolean limitsImport(EventTarget t) {
        return switch (t.kind()) {
            case IMPORT_LIMIT_KW, REDUCTION_KW, LEVEL -> true;
            case EXPORT_LIMIT_KW, PRICE_USD_PER_MWH -> false;
        };
    }

    /**
     * The import an interval's target allows, before any ramp: NaN when it limits nothing (a price, an export limit,
     * level 0) or needs a baseline that is not known.
     *
     * @param levelPct the share of the baseline each shed level 1-3 takes off
     */
    static double targetKw(EventTarget t, double baselineKw, List<Double> levelPct) {
        return switch (t.kind()) {
            case IMPORT_LIMIT_KW -> t.value();
            case REDUCTION_KW -> Math.max(0, baselineKw - t.value());
            case LEVEL -> t.value() < 1 ? Double.NaN
                    : Math.max(0, baselineKw * (1 - levelPct.get((int) t.value() - 1) / 100));
            case EXPORT_LIMIT_KW, PRICE_USD_PER_MWH -> Double.NaN;
        };
    }

    /** Whether {@code wall} is within the event's ramp: recorded, not counted. */
    static boolean inRamp(GridEvent e, long wall) {
        return wall < e.startMillis() + e.ramp().toMillis();
    }

    /**
     * The import allowed at {@code wall} with the ramp: from the event's start the limit falls linearly from the import
     * of that moment ({@code rampFromKw}) to the target; NaN when no interval limits the import now.
     */
    static double allowedKw(GridEvent e, long wall, double baselineKw, double rampFromKw, List<Double> levelPct) {
        Optional<EventInterval> in = intervalAt(e, wall);
        if (in.isEmpty()) {
            return Double.NaN;
        }
        double target = targetKw(in.get().target(), baselineKw, levelPct);
        long rampMillis = e.ramp().toMillis();
        if (Double.isNaN(target) || !inRamp(e, wall) || rampMillis == 0 || !(rampFromKw > target)) {
            return target;
        }
        double done = (double) (wall - e.startMillis()) / rampMillis;
        return rampFromKw + (target - rampFromKw) * done;
    }
}
