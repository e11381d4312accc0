package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.modbus.config.YamlDocuments;
import io.containeredge.modbus.image.ProcessImage;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.poll.DeviceListener;
import io.containeredge.modbus.poll.PointResolver;
import io.containeredge.modbus.poll.PollingService;
import io.containeredge.modbus.profile.DeviceProfile;
import io.containeredge.modbus.profile.PollClass;
import io.containeredge.modbus.profile.ProfileParser;
import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.modbus.value.Quality;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our poller (j2mod underneath) against a third-party Modbus TCP server, the npm package
 * modbus-serial, so that decoding is not only checked against our own simulator.
 */
class IndependentModbusServerTest {

    static final String PROFILE = """
            id: interop
            points:
              - {name: supply_temp, table: holding, address: 0, type: int16, scale: 0.01, unit: degC, poll: fast}
              - {name: return_temp, table: holding, address: 1, type: int16, scale: 0.01, unit: degC, poll: fast}
              - {name: flow, table: holding, address: 2, type: uint16, scale: 0.1, unit: m3/h, poll: fast}
              - {name: pump_state, table: holding, address: 6, type: enum16, poll: fast, values: {0: stopped, 1: running}}
              - {name: alarm_bits, table: holding, address: 9, type: bitfield16, poll: fast, flags: {0: leak, 1: smoke}}
              - {name: voltage_l1, table: input, address: 3000, type: float32, unit: V, poll: fast}
              - {name: voltage_l3, table: input, address: 3004, type: float32, unit: V, poll: fast}
              - {name: active_power, table: input, address: 3012, type: float32, unit: kW, poll: fast}
              - {name: socket_1, table: coil, address: 0, type: bool, poll: fast}
              - {name: socket_2, table: coil, address: 1, type: bool, poll: fast}
            """;

    @TempDir
    Path work;

    @Test
    void pollerDecodesWhatAThirdPartyServerPutsOnTheWire() throws Exception {
        int port = RunningContainer.freePort();
        Path script = ChildProcess.root().resolve("src/test/interop/modbus-serial-server.js");
        try (ChildProcess server = ChildProcess.start(work.resolve("modbus-serial.log"),
                List.of("node", script.toString(), String.valueOf(port), "60"))) {
            server.await("ready " + port, Duration.ofSeconds(20));
            DeviceProfile profile = ProfileParser.parse("interop.yaml", YamlDocuments.parse("interop.yaml", PROFILE));
            ProcessImage image = new ProcessImage();
            ConnectionConfig connection = new ConnectionConfig("interop", "tcp", "127.0.0.1", port, "", 9600, "none",
                    8, 1, Duration.ofMillis(500), Duration.ofMillis(5), 4, Duration.ofSeconds(1), Duration.ofSeconds(5));
            DeviceConfig device = new DeviceConfig("peer", "other", "interop", "interop", 1, true, false, 3,
                    Map.of(PollClass.FAST, Duration.ofMillis(100)));
            try (PollingService polling = new PollingService(image, DeviceListener.ignoring(), p -> PointResolver.fixed(p.points()))) {
                polling.addDevice(device, profile, connection);
                Eventually.within(Duration.ofSeconds(10), () -> assertEquals(0,
                        image.snapshot(System.currentTimeMillis()).values().stream()
                                .filter(v -> v.quality() != Quality.GOOD).count()));
                Snapshot s = image.snapshot(System.currentTimeMillis());
                assertEquals(38.57, s.get("peer", "supply_temp").asDouble(), 1e-9);
                assertEquals(44.12, s.get("peer", "return_temp").asDouble(), 1e-9);
                assertEquals(120.5, s.get("peer", "flow").asDouble(), 1e-9);
                assertEquals("running", s.get("peer", "pump_state").value());
                assertEquals(true, s.get("peer", "alarm_bits.leak").value());
                assertEquals(false, s.get("peer", "alarm_bits.smoke").value());
                assertEquals(230.5, s.get("peer", "voltage_l1").asDouble(), 1e-6);
                assertEquals(229.75, s.get("peer", "voltage_l3").asDouble(), 1e-6);
                assertEquals(812.5, s.get("peer", "active_power").asDouble(), 1e-6);
                assertEquals(true, s.get("peer", "socket_1").value());
                assertEquals(false, s.get("peer", "socket_2").value());
                // with maxGap 4: holding 0..9 is one request, input 3000..3005 and 3012..3013 two
                // (the 6-register gap is too wide), the coils one
                assertEquals(4, polling.pollers().get(0).devices().get(0).plannedRequests().size());
            }
        }
    }
}
