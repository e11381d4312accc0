package io.containeredge.cloud.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.List;
import java.util.Map;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.Test;

class SparkplugCodecTest {

    static final long T0 = EdgeNodeSessionTest.T0;

    @Test
    void birthAndDataSurviveATahuRoundTrip() {
        EdgeNodeSession session = new EdgeNodeSession(new SparkplugTopics("site-a", "c01"), 3, (d, p) -> 0, 0);
        session.connecting(T0);
        SparkplugMessage nbirth = session.connected(EdgeNodeSessionTest.status(), T0).get(0);
        SparkplugMessage dbirth = session.update(EdgeNodeSessionTest.cdu(40.5, Quality.GOOD), T0).get(0);
        SparkplugMessage ddata = session.update(EdgeNodeSessionTest.cdu(0, Quality.INVALID), T0 + 1000).get(0);

        SparkplugBPayload n = SparkplugCodec.decode(nbirth.encode());
        assertEquals(0L, n.getSeq());
        assertEquals(T0, n.getTimestamp().getTime());
        assertEquals(3L, EdgeNodeSessionTest.metric(new SparkplugMessage(nbirth.type(), "", n), "bdSeq").getValue());
        assertSameMetrics(nbirth.payload(), n);

        SparkplugBPayload d = SparkplugCodec.decode(dbirth.encode());
        assertEquals(1L, d.getSeq());
        assertSameMetrics(dbirth.payload(), d);

        SparkplugBPayload dd = SparkplugCodec.decode(ddata.encode());
        Metric supply = dd.getMetrics().get(0);
        assertEquals(2L, dd.getSeq());
        assertEquals("supply", supply.getName());
        assertEquals(EdgeNodeSessionTest.metric(dbirth, "supply").getAlias(), supply.getAlias());
        assertEquals(MetricDataType.Double, supply.getDataType());
        assertTrue(supply.isNull());
        assertNull(supply.getValue());
        assertEquals(MetricCatalog.INVALID, EdgeNodeSessionTest.quality(supply));
    }

    @Test
    void numbersOfAnyClassAreSentAsDouble() {
        MetricCatalog catalog = new MetricCatalog();
        Metric m = catalog.birthMetric(new PointValue("d", "p", 7, "A", Quality.GOOD, T0, null), MetricDataType.Double, T0);
        assertEquals(7.0, SparkplugCodec.decode(SparkplugCodec.encode(payload(m))).getMetrics().get(0).getValue());
    }

    @Test
    void garbageIsRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> SparkplugCodec.decode(new byte[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkplugCodec.decode(new byte[] {(byte) 0xff, (byte) 0xff, 0x01}));
        assertTrue(e.getMessage().startsWith("not a Sparkplug B payload"), e.getMessage());
    }

    // Field by field: Tahu's PropertySet equality depends on the order the properties were added.
    private static void assertSameMetrics(SparkplugBPayload sent, SparkplugBPayload received) {
        assertEquals(sent.getMetrics().size(), received.getMetrics().size());
        for (int i = 0; i < sent.getMetrics().size(); i++) {
            Metric a = sent.getMetrics().get(i);
            Metric b = received.getMetrics().get(i);
            assertEquals(a.getName(), b.getName());
            assertEquals(a.getAlias(), b.getAlias());
            assertEquals(a.getDataType(), b.getDataType());
            assertEquals(a.getValue(), b.getValue());
            assertEquals(a.getTimestamp(), b.getTimestamp());
            assertEquals(a.getProperties() == null ? null : Map.copyOf(a.getProperties().getPropertyMap()),
                    b.getProperties() == null ? null : Map.copyOf(b.getProperties().getPropertyMap()), a.getName());
        }
    }

    private static SparkplugBPayload payload(Metric m) {
        return new SparkplugBPayload(new java.util.Date(T0), new java.util.ArrayList<>(List.of(m)));
    }
}
