package io.containeredge.control.economics;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the economic limit decided in its last cycle, with the inputs it decided on: what the economics status is
 * built from ({@link EconomicsStatusBuilder}), so people see the numbers the controller acted on.
 *
 * @param units the priced miners by index, in index order, on their model's curve (as the datasheet says)
 * @param onLearnedCurves the priced miners deciding on the curve learned from what they report instead
 * @param followed each priced miner's step by index: its power target in W, 0 asleep
 * @param limitKw the limit it gave, infinite when it limits nothing
 */
public record EconomicState(long wallMillis, EnergyPrice price, Hashprice hashprice, Map<Integer, UnitModel> units,
        Set<Integer> onLearnedCurves, Map<Integer, Double> followed, double limitKw, String reason) {

    public EconomicState {
        // by index, as the limit holds them: the models are listed in the order their first miner comes
        units = Collections.unmodifiableMap(new TreeMap<>(units));
        onLearnedCurves = Set.copyOf(onLearnedCurves);
        followed = Map.copyOf(followed);
    }
}
