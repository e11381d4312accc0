package io.containeredge.cloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.control.api.FleetEfficiency;
import io.containeredge.control.api.MinerEfficiency;
import io.containeredge.control.testing.RecordingControlService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fleet J/TH, hashrate and the number of underperformers as node metrics, under the same names always. */
class EfficiencyMetricsTest {

    @Test
    void theFleetsMeasuredEfficiency() {
        RecordingControlService control = RecordingControlService.forSite(2200).build();
        MinerEfficiency dead = new MinerEfficiency(9, "S21", true, 3500, 134, 26.1, 200, 33, 120, 1, 1L, true,
                "below its curve", 3.3, "cgminer", null);
        control.showsEfficiency(new FleetEfficiency(1, 17.9, 534, 9570, 0.05, List.of(dead), List.of(dead)));
        assertEquals(Map.of(EfficiencyMetrics.JOULES_PER_TH, 17.9, EfficiencyMetrics.HASHRATE, 534.0,
                EfficiencyMetrics.UNDERPERFORMERS, 1L), EfficiencyMetrics.of(control));
    }

    @Test
    void withoutAControllerTheSameNamesWithNothingMeasured() {
        Map<String, Object> m = EfficiencyMetrics.of(null);
        assertEquals(List.of(EfficiencyMetrics.JOULES_PER_TH, EfficiencyMetrics.HASHRATE,
                EfficiencyMetrics.UNDERPERFORMERS), List.copyOf(m.keySet()));
        assertEquals(Double.NaN, (double) m.get(EfficiencyMetrics.JOULES_PER_TH));
        assertEquals(0L, m.get(EfficiencyMetrics.UNDERPERFORMERS));
    }
}
