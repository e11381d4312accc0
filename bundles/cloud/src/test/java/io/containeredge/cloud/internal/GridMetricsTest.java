package io.containeredge.cloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.FrequencyStatus;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.GridStatus;
import io.containeredge.control.api.PeakStatus;
import io.containeredge.control.testing.RecordingControlService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.junit.jupiter.api.Test;

/** The grid node metrics: frequency, guard state, active event, peak alert; born with the same names without a status. */
class GridMetricsTest {

    private final RecordingControlService control = RecordingControlService.forSite(2200).build();

    private Map<String, Metric> birth(ControlService c) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        GridMetrics.put(metrics, c);
        return NodeBirth.of(metrics);
    }

    private static GridEventStatus active(String id) {
        GridEvent e = new GridEvent(id, "mqtt:ops/r-1", id, 0, Duration.ZERO, List.of(new EventInterval(1, 3_600_001,
                new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 600))));
        return new GridEventStatus(e, GridEventStatus.State.ACTIVE, 600, "", "", null);
    }

    @Test
    void theFrequencyTheGuardTheActiveEventAndThePeakAlertAreNodeMetrics() {
        control.showsGrid(new GridStatus(1, Optional.of(new FrequencyStatus("meter-main/frequency", 59.62, "SHED", 59.7,
                59.9, "below 59.7 Hz for 2 readings", 1)), Optional.of(new PeakStatus(true, 7_200_000, true, 800, true,
                0, "mqtt:ops/p-1")), List.of(active("mqtt:dr-7")), Optional.of("peak window: cap 800 kW")));
        Map<String, Metric> n = birth(control);
        assertEquals(59.62, n.get("Grid/Frequency Hz").getValue());
        assertEquals(MetricDataType.Double, n.get("Grid/Frequency Hz").getDataType());
        assertEquals("SHED", n.get("Grid/Frequency Guard").getValue());
        assertEquals("mqtt:dr-7", n.get("Grid/Active Event").getValue());
        assertEquals(true, n.get("Grid/Peak Alert").getValue());
        assertEquals(MetricDataType.Boolean, n.get("Grid/Peak Alert").getDataType());
        assertEquals(true, n.get("Grid/Peak Binding").getValue());
        assertEquals("peak window: cap 800 kW", n.get("Grid/Binding").getValue());
    }

    @Test
    void withoutAGridStatusTheSameMetricsAreBornEmpty() {
        Map<String, Metric> n = birth(control);
        assertTrue(Double.isNaN((Double) n.get("Grid/Frequency Hz").getValue()));
        assertEquals("", n.get("Grid/Frequency Guard").getValue());
        assertEquals("", n.get("Grid/Active Event").getValue());
        assertEquals(false, n.get("Grid/Peak Alert").getValue());
        assertEquals(n.keySet(), birth(null).keySet(), "the same names with no controller at all");
    }
}
