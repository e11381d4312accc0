package io.containeredge.control.economics;

import io.containeredge.control.allocation.MinerAllocator;
import io.containeredge.site.api.MinerFleetConfig;
import io.containeredge.site.api.MinerModel;
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
     * The priced miners of a site by index: those whose model the site names (a miner without one is never
     * priced). Each is counted at the rated power the allocator counts it at, its model's nominal power.
     */
    static Map<Integer, UnitModel> of(SiteConfig site) {
        MinerFleetConfig miners = site.miners();
        return of(miners.count(), i -> miners.modelOf(i).map(m -> new UnitModel(m.name(), m.curve(),
                lowestTargetW(m, miners.ratedPowerWOf(i)), m.maxPowerW(), m.stepW(), miners.ratedPowerWOf(i))));
    }

    /**
     * The model's lowest power target that the allocator also commands: below {@link MinerAllocator#MIN_TARGET_SHARE}
     * of a miner's rating it puts the miner to sleep instead, so a lower economic step would sleep a miner that
     * should run. Raised onto the model's grid of steps (an M56S-class unit's 1650 W is under 30 % of 5512 W: 1700).
     */
    static double lowestTargetW(MinerModel m, double ratedW) {
        double floorW = MinerAllocator.MIN_TARGET_SHARE * ratedW;
        return m.minPowerW() >= floorW ? m.minPowerW()
                : m.minPowerW() + Math.ceil((floorW - m.minPowerW()) / m.stepW()) * m.stepW();
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
