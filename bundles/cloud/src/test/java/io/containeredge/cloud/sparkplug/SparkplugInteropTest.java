package io.containeredge.cloud.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.cloud.interop.NodeSparkplugDecoder;
import io.containeredge.modbus.value.Quality;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.tahu.message.model.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decodes our NBIRTH, DBIRTH and DDATA with an independent implementation, the npm package
 * sparkplug-payload ({@code src/test/interop/sparkplug-decode.js}; run-tests.sh runs npm ci there).
 */
class SparkplugInteropTest {

    @TempDir
    Path dir;

    @Test
    void independentDecoderReadsNamesAliasesTypesValuesAndQuality() throws Exception {
        EdgeNodeSession session = new EdgeNodeSession(new SparkplugTopics("site-a", "c01"), 42, (d, p) -> 0, 0);
        session.connecting(EdgeNodeSessionTest.T0);
        SparkplugMessage nbirth = session.connected(EdgeNodeSessionTest.status(), EdgeNodeSessionTest.T0).get(0);
        SparkplugMessage dbirth = session.update(EdgeNodeSessionTest.cdu(40.5, Quality.GOOD), EdgeNodeSessionTest.T0).get(0);
        SparkplugMessage ddata = session.update(EdgeNodeSessionTest.cdu(0, Quality.STALE), EdgeNodeSessionTest.T0 + 1000).get(0);
        JsonNode decoded = decodeWithNode(List.of(nbirth, dbirth, ddata));

        JsonNode n = decoded.get(0);
        assertEquals(0, n.get("seq").asInt());
        assertEquals(EdgeNodeSessionTest.T0, n.get("timestamp").asLong());
        assertMetric(n, "bdSeq", "Int64", 42L);
        assertMetric(n, EdgeNodeSession.REBIRTH, "Boolean", false);
        assertMetric(n, "Control/Binding", "String", "thermal");
        assertMetric(n, "Control/Max Miner kW", "Double", 1800.0);
        assertMetric(n, "Alarms/Active", "Int32", 2);

        JsonNode d = decoded.get(1);
        assertEquals(1, d.get("seq").asInt());
        assertEquals(dbirth.payload().getMetrics().size(), d.get("metrics").size());
        for (Metric m : dbirth.payload().getMetrics()) {
            JsonNode j = assertMetric(d, m.getName(), m.getDataType().toString(), m.getValue());
            assertEquals(m.getAlias().longValue(), j.get("alias").asLong(), m.getName());
            assertEquals(MetricCatalog.GOOD, qualityOf(j));
        }
        assertEquals("°C", find(d, "supply").at("/properties/engUnit/value").asText());

        JsonNode dd = decoded.get(2);
        assertEquals(2, dd.get("seq").asInt());
        JsonNode supply = dd.get("metrics").get(0);
        assertEquals("supply", supply.get("name").asText(), "queued data names its metrics");
        assertEquals(EdgeNodeSessionTest.metric(dbirth, "supply").getAlias().longValue(), supply.get("alias").asLong());
        assertEquals("Double", supply.get("type").asText());
        assertTrue(supply.get("value").isNull());
        assertEquals(MetricCatalog.STALE, qualityOf(supply));
    }

    private JsonNode decodeWithNode(List<SparkplugMessage> messages) throws Exception {
        return NodeSparkplugDecoder.decode(messages.stream().map(SparkplugMessage::encode).toList(), dir);
    }

    private static JsonNode assertMetric(JsonNode payload, String name, String type, Object value) {
        JsonNode m = find(payload, name);
        assertEquals(type, m.get("type").asText(), name);
        JsonNode v = m.get("value");
        if (value instanceof Number number) {
            assertTrue(v.isNumber(), name + " is not a number: " + v);
            assertEquals(number.doubleValue(), v.asDouble(), name);
        } else if (value instanceof Boolean b) {
            assertTrue(v.isBoolean(), name + " is not a boolean: " + v);
            assertEquals(b, v.asBoolean(), name);
        } else {
            assertEquals(value, v.asText(), name);
        }
        return m;
    }

    private static JsonNode find(JsonNode payload, String name) {
        for (JsonNode m : payload.get("metrics")) {
            if (name.equals(m.path("name").asText(null))) {
                return m;
            }
        }
        throw new AssertionError("no metric " + name + " in " + payload);
    }

    private static int qualityOf(JsonNode metric) {
        JsonNode q = metric.at("/properties/" + MetricCatalog.QUALITY);
        assertEquals("Int32", q.get("type").asText());
        return q.get("value").asInt();
    }
}
