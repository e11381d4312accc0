package io.containeredge.control.economics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The economic verdict's reason with its numbers, per model: "price 112 USD/MWh > breakeven 97 USD/MWh for S21
 * units: 40 units asleep" (the model's breakeven, with how many of its units decide on their learned curves), then
 * where the price came from, a stale hashprice, a change still being held.
 */
final class EconomicReason {

    /**
     * A change of plan not yet followed.
     *
     * @param change what changed it: "new prices", "new learned curves"
     * @param pendingMillis how long it has been held; 0 when there is none
     */
    record Held(String change, long pendingMillis, long holdMillis) {
    }

    private EconomicReason() {
    }

    /**
     * @param units the priced miners on their model's curve: the breakeven shown is the model's
     * @param onLearnedCurves the priced miners deciding on their learned curve instead: counted per model
     */
    static String of(Map<Integer, UnitModel> units, Set<Integer> onLearnedCurves, Map<Integer, Double> followed,
            EnergyPrice price, Hashprice hashprice, long wallMillis, Held held) {
        if (units.isEmpty()) {
            return "no miner with a known model and curve: nothing to price";
        }
        List<String> parts = new ArrayList<>();
        ModelPlan.of(units, onLearnedCurves, followed, hashprice.netUsdPerThDay()).forEach((model, l) -> {
            if (l.asleep() + l.lowered() > 0) {
                parts.add(line(model, l, price.usdPerMwh()));
            }
        });
        StringBuilder s = new StringBuilder(parts.isEmpty()
                ? String.format(Locale.ROOT, "every unit runs flat out at price %.0f USD/MWh", price.usdPerMwh())
                : String.join("; ", parts));
        s.append(" [price ").append(price.describe()).append("; hashprice ").append(hashprice.describe());
        if (hashprice.staleAt(wallMillis)) {
            s.append(", STALE: kept");
        }
        s.append(']');
        if (held.pendingMillis() > 0) {
            s.append(String.format(Locale.ROOT, " [%s held %d of %d min before the miners follow]", held.change(),
                    held.pendingMillis() / 60_000, held.holdMillis() / 60_000));
        }
        return s.toString();
    }

    private static String line(String model, ModelPlan l, double usdPerMwh) {
        String doing = l.asleep() > 0 && l.lowered() > 0
                ? l.asleep() + " units asleep, " + l.lowered() + " at lower power targets"
                : l.asleep() > 0 ? l.asleep() + " units asleep" : l.lowered() + " units at lower power targets";
        String learned = l.onLearnedCurves() > 0 ? " (" + l.onLearnedCurves() + " on learned curves)" : "";
        return String.format(Locale.ROOT, "price %.0f USD/MWh %s breakeven %.0f USD/MWh for %s units%s: %s",
                usdPerMwh, usdPerMwh > l.breakevenUsdPerMwh() ? ">" : "<=", l.breakevenUsdPerMwh(), model, learned,
                doing);
    }
}
