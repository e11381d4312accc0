package io.containeredge.simulator.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.client.J2modClient;
import io.containeredge.modbus.client.ModbusFailure;
import io.containeredge.modbus.codec.Decoded;
import io.containeredge.modbus.codec.PointCodec;
import io.containeredge.modbus.profile.DeviceProfile;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.profile.Table;
import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.modbus.sunspec.DiscoveredModel;
import io.containeredge.modbus.sunspec.SunSpecDiscovery;
import io.containeredge.modbus.sunspec.SunSpecModels;
import io.containeredge.modbus.sunspec.SunSpecPoints;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's own Modbus stack (J2modClient, SunSpec discovery, PointCodec) reads the simulator. */
class GatewayInteropTest {

    private LoadedSite site;
    private Simulator sim;
    private J2modClient client;

    @BeforeEach
    void setUp() throws Exception {
        site = SiteDocuments.loadBuiltIn("demo-container");
        sim = Simulator.start(site, SimulatorOptions.forTests().withServeMiners(false));
        sim.advance(Duration.ofSeconds(2));
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        sim.close();
    }

    private Map<String, Decoded> readSunSpec(String deviceId) throws Exception {
        var device = site.config().device(deviceId).orElseThrow();
        ConnectionConfig c = site.config().connection(device.connection()).orElseThrow();
        client = new J2modClient(c.at("127.0.0.1", sim.port(c.id())));
        client.connect();
        DeviceProfile profile = site.profileOf(deviceId);
        List<DiscoveredModel> chain = SunSpecDiscovery.discover(client, device.unitId(), profile.sunspec().bases());
        assertEquals(40002, chain.get(0).bodyAddress() - 2);
        List<PointDef> points = SunSpecPoints.pointsFor(profile.sunspec(), chain, SunSpecModels.builtIn());
        Map<String, PointDef> byName = new HashMap<>();
        points.forEach(p -> byName.put(p.name(), p));
        Map<String, Decoded> out = new HashMap<>();
        for (PointDef p : points) {
            Integer sf = null;
            if (p.scaleFactor() != null) {
                PointDef sfp = byName.get(p.scaleFactor());
                sf = (int) (short) client.read(device.unitId(), Table.HOLDING_REGISTER, sfp.address(), 1)[0];
            }
            int[] words = client.read(device.unitId(), p.table(), p.address(), p.count());
            out.put(p.name(), PointCodec.decode(p, words, sf));
        }
        return out;
    }

    @Test
    void aUnitTheTcpGatewayCannotReachIsSilentNotAnsweringWithAnException() throws Exception {
        ConnectionConfig c = site.config().connection("container-gw").orElseThrow();
        client = new J2modClient(c.at("127.0.0.1", sim.port(c.id())));
        client.connect();
        ModbusFailure f = org.junit.jupiter.api.Assertions.assertThrows(ModbusFailure.class,
                () -> client.read(77, Table.HOLDING_REGISTER, 0, 1));
        assertEquals(ModbusFailure.Kind.TIMEOUT, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("exception 11"), f.getMessage());
    }

    @Test
    void sunSpecMeterDecodesToTheAuxiliaryFeed() throws Exception {
        Map<String, Decoded> m = readSunSpec("meter-aux");
        double auxW = sim.model().auxFeed().activeKw() * 1000;
        assertEquals(auxW, (Double) m.get("m203.W").value(), auxW * 0.01);
        assertEquals(230, (Double) m.get("m203.PhVphA").value(), 10);
        assertEquals(400, (Double) m.get("m203.PhVphAB").value(), 15);
        assertEquals(sim.model().grid().nominalHz(), (Double) m.get("m203.Hz").value(), 0.1);
        assertTrue((Double) m.get("m203.TotWhImp").value() > 80e6);
        assertEquals("ContainerEdge", m.get("m1.Mn").value());
    }

    @Test
    void batteryDecodesSocAndRatings() throws Exception {
        Map<String, Decoded> b = readSunSpec("battery");
        assertEquals(sim.model().battery().socPct(), (Double) b.get("m802.SoC").value(), 0.01);
        assertEquals(250_000, (Double) b.get("m124.WChaMax").value(), 1);
        assertEquals(500_000, (Double) b.get("m802.WHRtg").value(), 100);
        assertEquals("connected", b.get("m802.State").value());
        assertEquals("disabled", b.get("m704.WSetEna").value());
        assertTrue(b.get("m802.Hb").isValid());
    }
}
