package io.containeredge.control.economics;

import io.containeredge.site.api.MinerFleetConfig;
import io.containeredge.site.api.SiteConfig;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The one place economics learns each miner's model from the site: its name, curve, power-target range and step.
 * Everything else in this package works on {@link UnitModel}s, so a new source of models changes only this class.
 */
public final class SiteUnitModels {

    private SiteUnitModels() {
    }

    /**
     * The priced miners of a site by index: those whose model the site names (a miner without one is never
     * priced). Each is counted at the rated power the allocator counts it at, its model's nominal power.
     */
    public static Map<Integer, UnitModel> of(SiteConfig site) {
        MinerFleetConfig miners = site.miners();
        return of(miners.count(), i -> miners.modelOf(i).map(m -> new UnitModel(m.name(), m.curve(),
                m.minPowerW(), m.maxPowerW(), m.stepW(), miners.ratedPowerWOf(i))));
    }

    /**
     * The rated power of the site's miners that {@code units} does not price (no model), kW: what a plan of the
     * priced fleet does not hold and must not limit.
     */
    public static double unpricedKw(SiteConfig site, Map<Integer, UnitModel> units) {
        MinerFleetConfig miners = site.miners();
        double w = 0;
        for (int i = 0; i < miners.count(); i++) {
            if (!units.containsKey(i)) {
                w += miners.ratedPowerWOf(i);
            }
        }
        return w / 1000;
    }

    /** The miners among {@code count} whose model {@code modelOf} knows. */
    static Map<Integer, UnitModel> of(int count, IntFunction<Optional<UnitModel>> modelOf) {
        Map<Integer, UnitModel> units = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            modelOf.apply(i).ifPresent(u -> units.put(index, u));
        }
        return units;
    }
}
