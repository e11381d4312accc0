package io.containeredge.cloud.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.Test;

class EdgeNodeSessionTest {

    static final long T0 = 1_700_000_000_000L;

    private final EdgeNodeSession session =
            new EdgeNodeSession(new SparkplugTopics("site-a", "c01"), 7, (d, p) -> p.equals("supply") ? 0.1 : 0, 0);

    static Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Control/Binding", "thermal");
        s.put("Control/Max Miner kW", 1800.0);
        s.put("Alarms/Active", 2);
        return s;
    }

    static List<PointValue> cdu(double supply, Quality q) {
        PointValue s = q == Quality.GOOD ? PointValue.good("cdu", "supply", supply, "°C", T0)
                : new PointValue("cdu", "supply", q == Quality.STALE ? supply : null, "°C", q, T0, "bad");
        return List.of(s, PointValue.good("cdu", "pump_on", true, null, T0),
                PointValue.good("cdu", "mode", "auto", null, T0));
    }

    List<SparkplugMessage> born() {
        session.connecting(T0);
        session.connected(status(), T0);
        return session.update(cdu(40.0, Quality.GOOD), T0);
    }

    static Metric metric(SparkplugMessage m, String name) {
        return m.payload().getMetrics().stream().filter(x -> name.equals(x.getName())).findFirst().orElseThrow();
    }

    static int quality(Metric m) {
        return (Integer) m.getProperties().getPropertyValue(MetricCatalog.QUALITY).getValue();
    }

    @Test
    void bdSeqOfTheWillMatchesTheBirthAndAdvances() {
        SparkplugMessage death = session.connecting(T0);
        assertEquals(MessageType.NDEATH, death.type());
        assertEquals("spBv1.0/site-a/NDEATH/c01", death.topic());
        assertNull(death.payload().getSeq());
        assertEquals(7L, metric(death, "bdSeq").getValue());
        assertEquals(8, session.nextBdSeq());
        SparkplugMessage nbirth = session.connected(status(), T0).get(0);
        assertEquals(MessageType.NBIRTH, nbirth.type());
        assertEquals(7L, metric(nbirth, "bdSeq").getValue());
        assertEquals(MetricDataType.Int64, metric(nbirth, "bdSeq").getDataType());
        assertEquals(7, session.bdSeq());

        EdgeNodeSession wrapping = new EdgeNodeSession(new SparkplugTopics("g", "e"), 255, (d, p) -> 0, 0);
        wrapping.connecting(T0);
        assertEquals(0, wrapping.nextBdSeq());
        assertThrows(IllegalArgumentException.class, () -> new EdgeNodeSession(new SparkplugTopics("g", "e"), 256, (d, p) -> 0, 0));
        assertThrows(IllegalStateException.class,
                () -> new EdgeNodeSession(new SparkplugTopics("g", "e"), 0, (d, p) -> 0, 0).connected(status(), T0));
    }

    @Test
    void nbirthHasSeqZeroAndEveryNodeMetric() {
        session.connecting(T0);
        SparkplugMessage nbirth = session.connected(status(), T0).get(0);
        assertEquals(0L, nbirth.payload().getSeq());
        Metric rebirth = metric(nbirth, EdgeNodeSession.REBIRTH);
        assertEquals(MetricDataType.Boolean, rebirth.getDataType());
        assertEquals(false, rebirth.getValue());
        assertEquals(MetricDataType.String, metric(nbirth, "Control/Binding").getDataType());
        assertEquals(1800.0, metric(nbirth, "Control/Max Miner kW").getValue());
        assertEquals(MetricDataType.Double, metric(nbirth, "Control/Max Miner kW").getDataType());
        assertEquals(2, metric(nbirth, "Alarms/Active").getValue());
        assertEquals(MetricDataType.Int32, metric(nbirth, "Alarms/Active").getDataType());
        assertTrue(rebirth.hasAlias());
        assertFalse(metric(nbirth, "bdSeq").hasAlias());
    }

    @Test
    void dbirthHasAllMetricsWithNamesAliasesTypesUnitsAndQuality() {
        List<SparkplugMessage> out = born();
        assertEquals(1, out.size());
        SparkplugMessage dbirth = out.get(0);
        assertEquals("spBv1.0/site-a/DBIRTH/c01/cdu", dbirth.topic());
        assertEquals(1L, dbirth.payload().getSeq());
        List<String> names = dbirth.payload().getMetrics().stream().map(Metric::getName).toList();
        assertEquals(List.of("mode", "pump_on", "supply"), names);
        dbirth.payload().getMetrics().forEach(m -> assertTrue(m.hasAlias(), m.getName()));
        assertEquals(3, dbirth.payload().getMetrics().stream().map(Metric::getAlias).distinct().count());
        Metric supply = metric(dbirth, "supply");
        assertEquals(MetricDataType.Double, supply.getDataType());
        assertEquals(40.0, supply.getValue());
        assertEquals(new Date(T0), supply.getTimestamp());
        assertEquals("°C", supply.getProperties().getPropertyValue(MetricCatalog.UNIT).getValue());
        assertEquals(MetricCatalog.GOOD, quality(supply));
        assertEquals(MetricDataType.Boolean, metric(dbirth, "pump_on").getDataType());
        assertEquals(MetricDataType.String, metric(dbirth, "mode").getDataType());
    }

    @Test
    void ddataCarriesOnlyChangedMetricsByAliasOutsideTheDeadband() {
        Metric birthSupply = metric(born().get(0), "supply");
        assertEquals(List.of(), session.update(cdu(40.05, Quality.GOOD), T0 + 1000));
        assertEquals(List.of(), session.update(cdu(40.09, Quality.GOOD), T0 + 2000)); // within 0.1 of 40.0
        List<SparkplugMessage> out = session.update(cdu(40.11, Quality.GOOD), T0 + 3000); // drift adds up
        assertEquals(1, out.size());
        SparkplugMessage ddata = out.get(0);
        assertEquals(MessageType.DDATA, ddata.type());
        assertEquals(2L, ddata.payload().getSeq());
        Metric m = ddata.payload().getMetrics().get(0);
        assertEquals(1, ddata.payload().getMetrics().size());
        assertEquals("supply", m.getName(), "queued data names its metrics: it may outlive these births");
        assertEquals(birthSupply.getAlias(), m.getAlias());
        assertEquals(40.11, m.getValue());
        assertEquals(MetricDataType.Double, m.getDataType());
        assertEquals(MetricCatalog.GOOD, quality(m));
        assertNull(m.getIsHistorical());
    }

    @Test
    void badQualityIsSentAsNullWithItsQualityEvenInsideTheDeadband() {
        born();
        assertBad(session.update(cdu(40.0, Quality.STALE), T0 + 1000), MetricCatalog.STALE);
        assertEquals(List.of(), session.update(cdu(41.0, Quality.STALE), T0 + 2000)); // null does not change
        assertBad(session.update(cdu(41.0, Quality.INVALID), T0 + 3000), MetricCatalog.INVALID);
        assertBad(session.update(cdu(41.0, Quality.MISSING), T0 + 4000), MetricCatalog.MISSING);
        Metric back = session.update(cdu(41.0, Quality.GOOD), T0 + 5000).get(0).payload().getMetrics().get(0);
        assertEquals(41.0, back.getValue());
        assertEquals(MetricCatalog.GOOD, quality(back));
    }

    private static void assertBad(List<SparkplugMessage> out, int code) {
        Metric m = out.get(0).payload().getMetrics().get(0);
        assertEquals(1, out.get(0).payload().getMetrics().size());
        assertNull(m.getValue());
        assertTrue(m.isNull());
        assertEquals(MetricDataType.Double, m.getDataType());
        assertEquals(code, quality(m));
    }

    @Test
    void seqWrapsFrom255To0() {
        born();
        List<Long> seqs = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            seqs.add(session.update(cdu(40.0 + i, Quality.GOOD), T0 + i).get(0).payload().getSeq());
        }
        assertEquals(2L, seqs.get(0)); // NBIRTH 0, DBIRTH 1
        assertEquals(255L, seqs.get(253));
        assertEquals(0L, seqs.get(254));
        assertEquals(1L, seqs.get(255));
        assertTrue(seqs.stream().allMatch(s -> s >= 0 && s <= 255));
    }

    @Test
    void rebirthRestartsSeqAndResendsEveryBirthWithTheSameAliases() throws Exception {
        Metric supply = metric(born().get(0), "supply");
        session.update(cdu(45.0, Quality.GOOD), T0 + 1000);
        SparkplugBPayload ncmd = new SparkplugBPayload(new Date(T0), new ArrayList<>());
        ncmd.addMetric(new Metric(EdgeNodeSession.REBIRTH, null, new Date(T0), MetricDataType.Boolean, null, null, null, null, true));
        assertTrue(session.isRebirthRequest(ncmd));
        List<SparkplugMessage> out = session.rebirth(T0 + 2000);
        assertEquals(List.of(MessageType.NBIRTH, MessageType.DBIRTH), out.stream().map(SparkplugMessage::type).toList());
        assertEquals(0L, out.get(0).payload().getSeq());
        assertEquals(1L, out.get(1).payload().getSeq());
        assertEquals(7L, metric(out.get(0), "bdSeq").getValue());
        assertEquals(supply.getAlias(), metric(out.get(1), "supply").getAlias());
        assertEquals(45.0, metric(out.get(1), "supply").getValue());
    }

    @Test
    void rebirthRequestByAliasAndOnlyWhenTrue() throws Exception {
        born();
        long alias = session.catalog().nodeAlias(EdgeNodeSession.REBIRTH);
        assertEquals(EdgeNodeSession.REBIRTH, session.catalog().nameOf(null, alias).orElseThrow());
        SparkplugBPayload byAlias = new SparkplugBPayload(new Date(T0), new ArrayList<>());
        byAlias.addMetric(new Metric(null, alias, new Date(T0), MetricDataType.Boolean, null, null, null, null, true));
        assertTrue(session.isRebirthRequest(byAlias));
        SparkplugBPayload no = new SparkplugBPayload(new Date(T0), new ArrayList<>());
        no.addMetric(new Metric(EdgeNodeSession.REBIRTH, null, new Date(T0), MetricDataType.Boolean, null, null, null, null, false));
        assertFalse(session.isRebirthRequest(no));
    }

    @Test
    void offlineDeviceDiesAndIsBornAgainWhenBack() {
        born();
        List<SparkplugMessage> death = session.deviceOffline("cdu", T0 + 1000);
        assertEquals("spBv1.0/site-a/DDEATH/c01/cdu", death.get(0).topic());
        assertEquals(2L, death.get(0).payload().getSeq());
        assertEquals(List.of(), session.update(cdu(50.0, Quality.STALE), T0 + 2000));
        List<SparkplugMessage> back = session.deviceOnline("cdu", T0 + 3000);
        assertEquals(MessageType.DBIRTH, back.get(0).type());
        assertEquals(3L, back.get(0).payload().getSeq());
        assertEquals(MetricCatalog.STALE, quality(metric(back.get(0), "supply")));
    }

    @Test
    void aNewPointOrDeviceGetsABirth() {
        born();
        List<SparkplugMessage> out = session.update(List.of(PointValue.good("cdu", "flow", 12.0, "m3/h", T0),
                PointValue.good("meter", "p_kw", 900.0, "kW", T0)), T0 + 1000);
        assertEquals(List.of("spBv1.0/site-a/DBIRTH/c01/cdu", "spBv1.0/site-a/DBIRTH/c01/meter"),
                out.stream().map(SparkplugMessage::topic).toList());
        assertEquals(4, out.get(0).payload().getMetrics().size());
    }

    @Test
    void fullRefreshSendsEveryMetricAgainOnSchedule() {
        EdgeNodeSession s = new EdgeNodeSession(new SparkplugTopics("g", "e"), 0, (d, p) -> 0, 60_000);
        s.connecting(T0);
        s.connected(Map.of(), T0);
        s.update(cdu(40.0, Quality.GOOD), T0);
        assertEquals(List.of(), s.update(cdu(40.0, Quality.GOOD), T0 + 59_999));
        List<SparkplugMessage> out = s.update(cdu(40.0, Quality.GOOD), T0 + 60_000);
        assertEquals(3, out.get(0).payload().getMetrics().size());
        assertTrue(out.get(0).payload().getMetrics().get(0).hasAlias());
        assertEquals(List.of(), s.update(cdu(40.0, Quality.GOOD), T0 + 60_001));
    }

    @Test
    void nodeStatusChangesGoOutAsNdataAndNewNamesAsRebirth() {
        born();
        Map<String, Object> next = status();
        next.put("Alarms/Active", 3);
        List<SparkplugMessage> out = session.nodeStatus(next, T0 + 1000);
        assertEquals(MessageType.NDATA, out.get(0).type());
        Metric m = out.get(0).payload().getMetrics().get(0);
        assertEquals(1, out.get(0).payload().getMetrics().size());
        assertEquals("Alarms/Active", m.getName());
        assertEquals("Alarms/Active", session.catalog().nameOf(null, m.getAlias()).orElseThrow());
        assertEquals(3, m.getValue());
        next.put("Control/Trips", "none");
        assertEquals(MessageType.NBIRTH, session.nodeStatus(next, T0 + 2000).get(0).type());
        assertThrows(IllegalArgumentException.class, () -> session.nodeStatus(Map.of("bdSeq", 1), T0));
    }

    @Test
    void whileDisconnectedDdataKeepsComingWithNames() {
        born();
        session.disconnected();
        SparkplugMessage queued = session.update(cdu(44.0, Quality.GOOD), T0 + 1000).get(0);
        Metric m = queued.payload().getMetrics().get(0);
        assertEquals("supply", m.getName());
        assertTrue(m.hasAlias());
        session.connecting(T0 + 2000);
        List<SparkplugMessage> births = session.connected(status(), T0 + 2000);
        assertEquals(8L, metric(births.get(0), "bdSeq").getValue());
    }
}
