package io.containeredge.cloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.EconomicsStatus;
import io.containeredge.control.testing.RecordingControlService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.junit.jupiter.api.Test;

/** The economics node metrics: in the NBIRTH with their types, NaN and empty while there is no economics status. */
class EconomicsMetricsTest {

    static final long T0 = 1_800_000_000_000L;

    private final RecordingControlService control = RecordingControlService.forSite(2200).economics().build();

    private static EconomicsStatus economics() {
        return new EconomicsStatus(T0, new EconomicsStatus.Price(112, "LIVE", "live slot 08:00", null), List.of(),
                new EconomicsStatus.HashpriceNow(0.06, 0.02, 0.0588, "RECEIVED", T0, 0, 86_400, false), List.of(),
                new EconomicsStatus.Profit(-3.25, 240, 0, "reported by 240 miners", 10, T0), 640, "reason", null);
    }

    /** The NBIRTH of a node whose only metrics are the economics ones, decoded: name to metric. */
    private Map<String, Metric> birth() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        EconomicsMetrics.put(metrics, control);
        return NodeBirth.of(metrics);
    }

    @Test
    void thePriceItsSourceTheHashpriceAndTheProfitAreNodeMetrics() {
        control.showsEconomics(economics());
        Map<String, Metric> n = birth();
        assertEquals(112.0, n.get("Economics/Energy Price USD per MWh").getValue());
        assertEquals(MetricDataType.Double, n.get("Economics/Energy Price USD per MWh").getDataType());
        assertEquals("LIVE", n.get("Economics/Energy Price Source").getValue());
        assertEquals(MetricDataType.String, n.get("Economics/Energy Price Source").getDataType());
        assertEquals(0.06, n.get("Economics/Hashprice USD per TH day").getValue());
        assertEquals(-3.0, n.get("Economics/Profit USD per h").getValue(), "to the dollar: -3.25 USD/h");
    }

    @Test
    void withoutAnEconomicsStatusTheSameMetricsAreBornEmpty() {
        Map<String, Metric> n = birth();
        assertTrue(Double.isNaN((Double) n.get("Economics/Energy Price USD per MWh").getValue()));
        assertEquals("", n.get("Economics/Energy Price Source").getValue());
        assertTrue(Double.isNaN((Double) n.get("Economics/Profit USD per h").getValue()));
        Map<String, Object> none = new LinkedHashMap<>();
        EconomicsMetrics.put(none, null);
        assertEquals(n.keySet().stream().filter(k -> k.startsWith("Economics/")).collect(Collectors.toSet()),
                none.keySet(), "the same names with no controller at all");
    }
}
