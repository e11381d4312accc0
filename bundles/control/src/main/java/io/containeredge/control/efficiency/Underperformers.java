package io.containeredge.control.efficiency;

import io.containeredge.control.economics.UnitModel;
import io.containeredge.site.api.EconomicsSettings.Efficiency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which miners underperform: a settled miner is <em>below its curve</em> when it hashes more than the margin below
 * its model's curve at the power it draws, and a <em>J/TH outlier</em> when its J/TH, taken relative to its model's
 * at its power step (so units at different steps compare), is more than the outlier margin above the median of its
 * model's settled units (with at least {@link #MIN_PEERS} of them: a median of two says little). The second also
 * catches a unit that draws more than its step (seen where the PDU meters it), and judges against the fleet rather
 * than the model's sheet, which a whole batch of units may miss. Either
 * for the configured time makes it an underperformer. A settled reading without either clears it; so does sleep
 * or silence (nothing to judge), while a miner changing step keeps its clock. Pure, on the monotonic clock.
 */
final class Underperformers {

    static final int MIN_PEERS = 4;
    static final String BELOW_CURVE = "below its curve";
    static final String OUTLIER = "J/TH outlier";

    private final Efficiency settings;
    private final Map<Integer, Long> since = new HashMap<>();
    private final Map<Integer, String> why = new HashMap<>();

    Underperformers(Efficiency settings) {
        this.settings = settings;
    }

    /**
     * @param units the modelled miners by index
     * @param readings the settled reading of each miner that has one now
     * @param hashing the miners awake and answering now (settled or not)
     */
    void update(Map<Integer, UnitModel> units, Map<Integer, Settled> readings, Set<Integer> hashing, long nowMillis) {
        Map<String, Double> medians = medianRelativeJoulesByModel(units, readings);
        units.forEach((index, unit) -> {
            Settled r = readings.get(index);
            if (!hashing.contains(index)) {
                clear(index);
            } else if (r != null) {
                String found = judge(unit, r, medians.get(unit.model()));
                if (found == null) {
                    clear(index);
                } else {
                    since.putIfAbsent(index, nowMillis);
                    why.put(index, found);
                }
            }
        });
    }

    private String judge(UnitModel unit, Settled r, Double median) {
        if (r.hashrateTh() < expectedTh(unit, r.powerW()) * (1 - settings.underperformerMargin())) {
            return BELOW_CURVE;
        }
        if (median != null && relativeJoules(unit, r) > median * (1 + settings.outlierMargin())) {
            return OUTLIER;
        }
        return null;
    }

    private void clear(int index) {
        since.remove(index);
        why.remove(index);
    }

    /** Since when (monotonic) miner {@code index} has been below its curve or an outlier; empty if it is not. */
    Optional<Long> since(int index) {
        return Optional.ofNullable(since.get(index));
    }

    /** Below its curve or an outlier for the configured time. */
    boolean underperforming(int index, long nowMillis) {
        Long from = since.get(index);
        return from != null && nowMillis - from >= settings.underperformerTime().toMillis();
    }

    /** What it is: {@link #BELOW_CURVE} or {@link #OUTLIER}; null when neither. */
    String why(int index) {
        return why.get(index);
    }

    /** What the model's curve hashes at {@code powerW} (at its nearest end outside it). */
    static double expectedTh(UnitModel unit, double powerW) {
        return LearnedCurves.modelThAt(unit.curve(), powerW);
    }

    /** Its J/TH over its model's at its step: 1 for a unit on its curve drawing its step. */
    private static double relativeJoules(UnitModel unit, Settled r) {
        return r.joulesPerTh() / (r.stepW() / expectedTh(unit, r.stepW()));
    }

    private static Map<String, Double> medianRelativeJoulesByModel(Map<Integer, UnitModel> units,
            Map<Integer, Settled> readings) {
        Map<String, List<Double>> byModel = new TreeMap<>();
        readings.forEach((index, r) -> {
            UnitModel unit = units.get(index);
            byModel.computeIfAbsent(unit.model(), m -> new ArrayList<>()).add(relativeJoules(unit, r));
        });
        Map<String, Double> medians = new HashMap<>();
        byModel.forEach((model, values) -> {
            if (values.size() >= MIN_PEERS) {
                medians.put(model, median(values));
            }
        });
        return medians;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
