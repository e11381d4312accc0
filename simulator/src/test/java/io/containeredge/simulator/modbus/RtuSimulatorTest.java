package io.containeredge.simulator.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.modbus.image.ProcessImage;
import io.containeredge.modbus.poll.DeviceListener;
import io.containeredge.modbus.poll.PointResolver;
import io.containeredge.modbus.poll.PollingService;
import io.containeredge.modbus.profile.ProfileRepository;
import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo container with its container-gw connection switched to RTU, served by the simulator and
 * polled by the gateway's {@link PollingService} (J2modClient underneath) into a process image.
 */
class RtuSimulatorTest {

    private static final String GATEWAY_TCP = """
            - id: container-gw
              transport: tcp
              host: 127.0.0.1
              port: 15020
            """;

    @TempDir
    Path dir;

    private Simulator sim;
    private PollingService polling;
    private SocatPair pty;
    private final ProcessImage image = new ProcessImage();

    @AfterEach
    void tearDown() throws InterruptedException {
        if (polling != null) {
            polling.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    /** The demo site with the container-gw connection block replaced. */
    private LoadedSite demoSiteWith(String gatewayConnection) throws Exception {
        String demo;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("firmware-config/sites/demo-container.yaml")) {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String site = demo.replace(GATEWAY_TCP.indent(2), gatewayConnection.indent(2));
        assertNotEquals(demo, site, "the demo site's container-gw connection was found");
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, site);
        return SiteDocuments.load(file, ConfigSource.builtIn());
    }

    @Test
    void pollerReadsTheCduOverRtuOverTcp() throws Exception {
        LoadedSite site = demoSiteWith("""
                - id: container-gw
                  transport: rtu-over-tcp
                  host: 127.0.0.1
                  port: 15020
                """);
        sim = Simulator.start(site, SimulatorOptions.forTests().withServeMiners(false));
        ConnectionConfig c = site.config().connection("container-gw").orElseThrow();
        assertEquals("rtu-over-tcp", c.transport());
        assertTrue(sim.describe().stream().anyMatch(l -> l.startsWith("modbus container-gw on 127.0.0.1:")
                && l.contains("(rtu-over-tcp)")), sim.describe().toString());
        pollCdu(site, c.at("127.0.0.1", sim.port(c.id())));
    }

    @Test
    void pollerReadsTheCduOverASerialLine() throws Exception {
        pty = SocatPair.start(dir);
        LoadedSite site = demoSiteWith("""
                - id: container-gw
                  transport: rtu
                  serialPort: %s
                  baudRate: 19200
                """.formatted(pty.gateway()));
        sim = Simulator.start(site, SimulatorOptions.forTests().withServeMiners(false)
                .withSerialDevices(Map.of("container-gw", pty.simulator().toString())));
        assertTrue(sim.describe().contains("modbus container-gw on " + pty.simulator() + " (rtu) units: cdu=1"
                + " transformer=2 meter-main=4 meter-aux=5 pdu-01=9 pdu-02=10 pdu-03=11 pdu-04=12 pdu-05=13"
                + " pdu-06=14 pdu-07=15 pdu-08=16 pdu-09=17 pdu-10=18 pdu-11=19 pdu-12=20 pv=6"), sim.describe().toString());
        assertEquals(List.of("bess"), List.copyOf(sim.ports().keySet()), "only TCP connections have a port");
        pollCdu(site, site.config().connection("container-gw").orElseThrow());
    }

    @Test
    void rtuConnectionWithoutASerialDeviceIsNotServed() throws Exception {
        LoadedSite site = demoSiteWith("""
                - id: container-gw
                  transport: rtu
                  serialPort: /dev/ttyUSB0
                """);
        sim = Simulator.start(site, SimulatorOptions.forTests().withServeMiners(false));
        assertThrows(IllegalArgumentException.class, () -> sim.port("container-gw"));
        assertEquals(List.of("bess"), List.copyOf(sim.ports().keySet()));
        assertFalse(sim.describe().stream().anyMatch(l -> l.startsWith("modbus container-gw")));
    }

    /** Polls only the CDU of the site over {@code connection} until its supply temperature is good. */
    private void pollCdu(LoadedSite site, ConnectionConfig connection) throws Exception {
        polling = new PollingService(image, DeviceListener.ignoring(), p -> PointResolver.fixed(p.points()));
        polling.addDevice(site.config().device("cdu").orElseThrow(),
                new ProfileRepository(ConfigSource.builtIn()).get("immersion-cdu"), connection);
        PointValue supply = PointValue.missing("cdu", "supply_temp", "degC");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (supply.quality() != Quality.GOOD && System.nanoTime() < deadline) {
            Thread.sleep(50);
            supply = image.snapshot(System.currentTimeMillis()).get("cdu", "supply_temp");
        }
        assertEquals(Quality.GOOD, supply.quality(), "cdu/supply_temp: " + supply + "; " + polling.diagnostics());
        assertEquals(sim.model().supplyC(), supply.asDouble(), 0.2, "what the physics model says");
        assertTrue(supply.asDouble() > 30 && supply.asDouble() < 45, "plausible coolant supply " + supply.asDouble());
    }
}
