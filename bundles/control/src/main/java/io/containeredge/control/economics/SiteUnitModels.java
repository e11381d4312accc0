package io.containeredge.control.economics;

import io.containeredge.site.api.SiteConfig;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The one place economics learns each miner's model from the site: its name, curve, power-target range and step.
 * Everything else in this package works on {@link UnitModel}s, so a new source of models changes only this class.
 */
final class SiteUnitModels {

    private SiteUnitModels() {
    }

    /**
     * The priced miners of a site by index. The site does not name miner models yet: until it does, no miner is
     * priced and the economic limit has nothing to curtail.
     */
    static Map<Integer, UnitModel> of(SiteConfig site) {
        return of(site.miners().count(), index -> Optional.empty());
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
