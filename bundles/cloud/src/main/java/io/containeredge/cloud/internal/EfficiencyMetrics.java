package io.containeredge.cloud.internal;

import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.FleetEfficiency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fleet's measured efficiency as node metrics: its J/TH and hashrate over the modelled miners hashing now, and
 * how many underperformers raise a warning ({@link ControlService#efficiency}). Always the same names (NaN and 0
 * while unknown), so they never force a rebirth.
 */
final class EfficiencyMetrics {

    static final String JOULES_PER_TH = "Efficiency/Fleet J per TH";
    static final String HASHRATE = "Efficiency/Fleet TH per s";
    static final String UNDERPERFORMERS = "Efficiency/Underperformers";

    private EfficiencyMetrics() {
    }

    /** The metrics of {@code control}'s last cycle; of nothing measured when there is no controller. */
    static Map<String, Object> of(ControlService control) {
        FleetEfficiency e = control == null ? FleetEfficiency.NONE : control.efficiency();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(JOULES_PER_TH, e.joulesPerTh());
        m.put(HASHRATE, e.hashrateThs());
        m.put(UNDERPERFORMERS, (long) e.underperformers().size());
        return m;
    }
}
