package io.containeredge.cloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.cloud.sparkplug.EdgeNodeSession;
import io.containeredge.cloud.sparkplug.MessageType;
import io.containeredge.cloud.sparkplug.SparkplugCodec;
import io.containeredge.cloud.sparkplug.SparkplugMessage;
import io.containeredge.cloud.sparkplug.SparkplugTopics;
import io.containeredge.control.api.AiStatus;
import io.containeredge.control.testing.RecordingControlService;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One Sparkplug device per AI/HPC tenant, born, updated and buried through the edge node's session. */
class AiDevicesTest {

    static final long T0 = 1_800_000_000_000L;

    private final RecordingControlService control = RecordingControlService.forSite(2200).build();
    private final EdgeNodeSession session = new EdgeNodeSession(new SparkplugTopics("site-a", "c01"), 0,
            (d, p) -> 0.5, 0);
    private final AiDevices devices = new AiDevices();

    /** A tenant drawing {@code drawKw}, its band capped or not; one of its two servers unreachable. */
    static AiStatus.Tenant tenant(String name, double drawKw, boolean capped) {
        List<AiStatus.Server> servers = List.of(
                new AiStatus.Server("gpu-01", true, drawKw * 500, 10_200, capped ? 5500 : Double.NaN, "Controls", ""),
                new AiStatus.Server("gpu-02", false, drawKw * 500, 10_200, Double.NaN, "", "no answer within 2 s"));
        return new AiStatus.Tenant(name, 10, 8, 140, drawKw, capped ? 15 : 18, capped ? 15 : Double.POSITIVE_INFINITY,
                capped, capped ? "band capped: miners' power worth more (150 > 140 USD/MWh)" : "floor + band granted",
                false, 3.5, 40, 0, servers);
    }

    static AiStatus status(AiStatus.Tenant... tenants) {
        double ai = List.of(tenants).stream().mapToDouble(AiStatus.Tenant::drawKw).sum();
        return new AiStatus(T0, ai, 1380, List.of(tenants));
    }

    @BeforeEach
    void connect() {
        session.connecting(T0);
        session.connected(Map.of(), T0);
    }

    private List<SparkplugMessage> tick(long at) {
        return devices.update(session, control, at);
    }

    private static Map<String, Metric> metrics(SparkplugMessage m) {
        return SparkplugCodec.decode(m.encode()).getMetrics().stream()
                .collect(Collectors.toMap(x -> x.getName() == null ? "#" + x.getAlias() : x.getName(), x -> x));
    }

    @Test
    void aTenantIsBornWithItsContractItsGrantItsCapAndWhy() {
        control.showsAi(status(tenant("acme-ai", 15.4, true)));
        List<SparkplugMessage> out = tick(T0);
        assertEquals(1, out.size(), out.toString());
        assertEquals(MessageType.DBIRTH, out.get(0).type());
        assertEquals("spBv1.0/site-a/DBIRTH/c01/ai-acme-ai", out.get(0).topic());
        Map<String, Metric> m = metrics(out.get(0));
        assertEquals(10.0, m.get("Contract/FloorKw").getValue());
        assertEquals(8.0, m.get("Contract/FlexKw").getValue());
        assertEquals(140.0, m.get("Contract/FlexUsdPerMwh").getValue());
        assertEquals(15.4, m.get("DrawKw").getValue());
        assertEquals(15.0, m.get("GrantKw").getValue());
        assertEquals(15.0, m.get("CapKw").getValue());
        assertEquals(true, m.get("Capped").getValue());
        assertEquals(MetricDataType.Boolean, m.get("Capped").getDataType());
        assertEquals(false, m.get("Breach").getValue());
        assertTrue(((String) m.get("Reason").getValue()).contains("150 > 140 USD/MWh"));
        assertEquals(3.5, m.get("CappedHoursThisMonth").getValue());
        assertEquals(1.0, m.get("ServersReachable").getValue());
        assertEquals(2.0, m.get("Servers").getValue());
        assertEquals("kW", m.get("DrawKw").getProperties().getPropertyValue("engUnit").getValue());
    }

    @Test
    void onlyWhatChangedIsDataAndNoCapInForceIsNull() {
        control.showsAi(status(tenant("acme-ai", 15.4, true)));
        tick(T0);
        assertEquals(List.of(), tick(T0 + 1000), "nothing changed: nothing sent");
        control.showsAi(status(tenant("acme-ai", 17.9, false)));
        List<SparkplugMessage> out = tick(T0 + 2000);
        assertEquals(1, out.size());
        assertEquals(MessageType.DDATA, out.get(0).type());
        List<Metric> changed = SparkplugCodec.decode(out.get(0).encode()).getMetrics();
        Map<String, Metric> byName = changed.stream().collect(Collectors.toMap(Metric::getName, x -> x));
        assertEquals(Map.of("DrawKw", 17.9, "GrantKw", 18.0, "Capped", false), Map.of(
                "DrawKw", byName.get("DrawKw").getValue(), "GrantKw", byName.get("GrantKw").getValue(),
                "Capped", byName.get("Capped").getValue()));
        assertTrue(byName.get("CapKw").getIsNull(), "no cap in force: a null value");
        assertNull(byName.get("Contract/FloorKw"), "the contract did not change");
        assertEquals("floor + band granted", byName.get("Reason").getValue());
    }

    @Test
    void aTenantThatDisappearsDiesAndIsBornAgainWhenItIsBack() {
        control.showsAi(status(tenant("acme-ai", 15.4, true), tenant("beta/hpc", 4, false)));
        assertEquals(2, tick(T0).size());
        control.showsAi(status(tenant("acme-ai", 15.4, true)));
        List<SparkplugMessage> gone = tick(T0 + 1000);
        assertEquals(1, gone.size(), gone.toString());
        assertEquals(MessageType.DDEATH, gone.get(0).type());
        assertEquals("spBv1.0/site-a/DDEATH/c01/ai-beta_hpc", gone.get(0).topic(), "a topic token, whatever the name");
        assertEquals(List.of(), tick(T0 + 2000), "no data for a dead device");
        control.showsAi(status(tenant("acme-ai", 15.4, true), tenant("beta/hpc", 5, false)));
        List<SparkplugMessage> back = tick(T0 + 3000);
        assertEquals(1, back.size(), back.toString());
        assertEquals(MessageType.DBIRTH, back.get(0).type());
        assertEquals(5.0, metrics(back.get(0)).get("DrawKw").getValue(), "born with its latest values");
    }

    @Test
    void withoutAnAiStatusEveryTenantDies() {
        control.showsAi(status(tenant("acme-ai", 15.4, true)));
        tick(T0);
        List<SparkplugMessage> out = devices.update(session, null, T0 + 1000);
        assertEquals(List.of(MessageType.DDEATH), out.stream().map(SparkplugMessage::type).toList());
        assertEquals(List.of(), devices.update(session, null, T0 + 2000));
    }

    @Test
    void aRebirthBearsTheTenantsWithTheModbusDevices() {
        control.showsAi(status(tenant("acme-ai", 15.4, true)));
        tick(T0);
        List<SparkplugMessage> births = session.rebirth(T0 + 1000);
        assertEquals(List.of("spBv1.0/site-a/NBIRTH/c01", "spBv1.0/site-a/DBIRTH/c01/ai-acme-ai"),
                births.stream().map(SparkplugMessage::topic).toList());
    }
}
