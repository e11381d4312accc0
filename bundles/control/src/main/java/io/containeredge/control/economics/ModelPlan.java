package io.containeredge.control.economics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one model's units do under a followed plan, with the model's breakeven: the one count behind the economic
 * verdict's reason and the economics status, so the two never tell different stories.
 *
 * @param units priced miners of the model
 * @param asleep of them asleep by economics
 * @param lowered of them at a power target below their highest
 * @param onLearnedCurves of them deciding on their learned curve, not the model's the breakeven is of
 */
record ModelPlan(double breakevenUsdPerMwh, int units, int asleep, int lowered, int onLearnedCurves) {

    /**
     * Per model, in the order the models first appear by miner index.
     *
     * @param units the priced miners on their model's curve
     */
    static Map<String, ModelPlan> of(Map<Integer, UnitModel> units, Set<Integer> onLearnedCurves,
            Map<Integer, Double> followed, double netUsdPerThDay) {
        Map<String, ModelPlan> plans = new LinkedHashMap<>();
        units.forEach((index, unit) -> {
            double step = followed.getOrDefault(index, unit.topW());
            ModelPlan p = plans.get(unit.model());
            if (p == null) { // a model's breakeven once: it values every power step of the model
                p = new ModelPlan(Valuation.breakevenUsdPerMwh(unit, netUsdPerThDay), 0, 0, 0, 0);
            }
            plans.put(unit.model(), new ModelPlan(p.breakevenUsdPerMwh(), p.units() + 1,
                    p.asleep() + (step == 0 ? 1 : 0), p.lowered() + (step > 0 && step < unit.topW() ? 1 : 0),
                    p.onLearnedCurves() + (onLearnedCurves.contains(index) ? 1 : 0)));
        });
        return plans;
    }
}
