package io.containeredge.control.economics;

import io.containeredge.site.api.MinerCurve;
import java.util.ArrayList;
import java.util.List;

/**
 * One miner as economics sees it: its model's name, its hashrate-vs-power curve and the power targets its
 * firmware takes.
 *
 * @param minW lowest power target
 * @param maxW highest power target
 * @param stepW power targets go up from {@code minW} in steps of this
 * @param ratedW what the controller counts it at when it runs flat out (its nameplate in the site)
 */
public record UnitModel(String model, MinerCurve curve, double minW, double maxW, double stepW, double ratedW) {

    public UnitModel {
        if (!(stepW > 0) || !(minW > 0) || minW > maxW) {
            throw new IllegalArgumentException(model + ": power targets " + minW + " to " + maxW + " W in steps of "
                    + stepW + " W are not a range");
        }
        if (lowestW(minW, curve) > highestW(maxW, curve, ratedW)) {
            throw new IllegalArgumentException(model + ": no power target between " + minW + " and " + maxW
                    + " W lies on its curve (" + curve.minPowerW() + " to " + curve.maxPowerW() + " W) at or below "
                    + ratedW + " W");
        }
    }

    /**
     * Every power target it may run at, rising: from its lowest in its steps, and its highest, all on its curve
     * and at most its rating.
     */
    public List<Double> steps() {
        double lo = lowestW(minW, curve);
        double hi = highestW(maxW, curve, ratedW);
        List<Double> steps = new ArrayList<>();
        for (double w = lo; w < hi; w += stepW) {
            steps.add(w);
        }
        steps.add(hi);
        return steps;
    }

    /**
     * The same unit on another curve (the one learned from what it reports): its model, power targets and rating
     * stay; the checks of a new unit still apply to the curve.
     */
    public UnitModel withCurve(MinerCurve other) {
        return new UnitModel(model, other, minW, maxW, stepW, ratedW);
    }

    /** Its highest power target: where it runs flat out. */
    public double topW() {
        return highestW(maxW, curve, ratedW);
    }

    private static double lowestW(double minW, MinerCurve curve) {
        return Math.max(minW, curve.minPowerW());
    }

    private static double highestW(double maxW, MinerCurve curve, double ratedW) {
        return Math.min(Math.min(maxW, curve.maxPowerW()), ratedW);
    }
}
