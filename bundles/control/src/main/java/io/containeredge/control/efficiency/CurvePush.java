package io.containeredge.control.efficiency;

import io.containeredge.control.economics.UnitModel;
import io.containeredge.site.api.MinerCurve;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Hands the miners' effective curves to whoever decides on them (economics): each miner's learned points that have
 * enough samples, its model's curve scaled elsewhere ({@link LearnedCurves#curveOf}). Looked at on the first cycle
 * (a restored file may already be confident) and then at most every {@link EfficiencyWatch#SAVE_EVERY_MILLIS}, and
 * handed on only when some miner's curve changed: a plan is revalued seldom, and the same samples always give the
 * same curves. Used by the control cycle's thread only.
 */
final class CurvePush {

    private final Map<Integer, UnitModel> units;
    private final int minSamples;
    private final Consumer<Map<Integer, MinerCurve>> to;
    /** What the consumer has: the model curves until the first push. */
    private Map<Integer, MinerCurve> pushed = new TreeMap<>();
    private boolean looked;
    private long lookedAtMillis;

    CurvePush(Map<Integer, UnitModel> units, int minSamples, Consumer<Map<Integer, MinerCurve>> to) {
        this.units = units;
        this.minSamples = minSamples;
        this.to = to;
        units.forEach((index, unit) -> pushed.put(index, unit.curve()));
    }

    /** Hands on the effective curves if it is time to look and any changed since they were last handed on. */
    void offer(LearnedCurves curves, long nowMillis) {
        if (looked && nowMillis - lookedAtMillis < EfficiencyWatch.SAVE_EVERY_MILLIS) {
            return;
        }
        looked = true;
        lookedAtMillis = nowMillis;
        Map<Integer, MinerCurve> effective = new TreeMap<>();
        units.forEach((index, unit) -> effective.put(index, curves.curveOf(index, unit, minSamples)));
        if (!effective.equals(pushed)) {
            pushed = effective;
            to.accept(Collections.unmodifiableMap(effective));
        }
    }
}
