package io.containeredge.control.internal;

import io.containeredge.control.actuators.PduMap;
import io.containeredge.control.economics.EconomicLimit;
import io.containeredge.control.economics.SiteUnitModels;
import io.containeredge.control.economics.UnitModel;
import io.containeredge.control.efficiency.EfficiencyFile;
import io.containeredge.control.efficiency.EfficiencyWatch;
import io.containeredge.control.loop.ControlLoop;
import io.containeredge.modbus.time.MonotonicClock;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.SiteConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The measured efficiency of a site's modelled miners, wired to the loop's fleet and the economics. */
final class SiteEfficiency {

    private SiteEfficiency() {
    }

    /**
     * Measured efficiency of a site whose miners have models, learned into {@code efficiency.json}; the lost
     * revenue of underperformers is valued at the economics' hashprice (not valued without economics), and the
     * economics decide on each miner's learned curve once it has enough samples.
     */
    static Optional<EfficiencyWatch> watch(SiteConfig s, Path data, ControlLoop.Fleet loopFleet, PduMap pdus,
            Optional<EconomicLimit> economics, MonotonicClock clock) {
        Map<Integer, UnitModel> units = SiteUnitModels.of(s);
        if (units.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EfficiencyWatch(units, s.economics().map(EconomicsSettings::efficiency)
                .orElse(EconomicsSettings.Efficiency.DEFAULTS), new EfficiencyFile(data.resolve("efficiency.json")),
                loopFleet::statuses, pdus, () -> economics.map(e -> e.inputs().hashprice().netUsdPerThDay())
                .orElse(Double.NaN), curves -> economics.ifPresent(e -> e.useCurves(curves)),
                System.currentTimeMillis(), clock.millis()));
    }
}
