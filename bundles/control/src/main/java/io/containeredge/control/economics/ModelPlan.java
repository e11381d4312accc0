package io.containeredge.control.economics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one model's units do under a followed plan, with the model's breakeven: the one count behind the economic
 * verdict's reason and the economics status, so the two never tell different stories.
 *
 * @param units priced miners of the model
 * @param asleep of them asleep by economics
 * @param lowered of them at a power target below their highest
 */
record ModelPlan(double breakevenUsdPerMwh, int units, int asleep, int lowered) {

    /** Per model, in the order the models first appear by miner index. */
    static Map<String, ModelPlan> of(Map<Integer, UnitModel> units, Map<Integer, Double> followed,
            double netUsdPerThDay) {
        Map<String, ModelPlan> plans = new LinkedHashMap<>();
        units.forEach((index, unit) -> {
            double step = followed.getOrDefault(index, unit.topW());
            ModelPlan p = plans.getOrDefault(unit.model(),
                    new ModelPlan(Valuation.breakevenUsdPerMwh(unit, netUsdPerThDay), 0, 0, 0));
            plans.put(unit.model(), new ModelPlan(p.breakevenUsdPerMwh(), p.units() + 1,
                    p.asleep() + (step == 0 ? 1 : 0), p.lowered() + (step > 0 && step < unit.topW() ? 1 : 0)));
        });
        return plans;
    }
}
