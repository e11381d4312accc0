package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.modbus.image.ProcessImage;
import io.containeredge.modbus.poll.DeviceDiagnostics;
import io.containeredge.modbus.poll.DeviceListener;
import io.containeredge.modbus.poll.PointResolver;
import io.containeredge.modbus.poll.PollingService;
import io.containeredge.modbus.profile.PollClass;
import io.containeredge.modbus.profile.ProfileRepository;
import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.modbus.value.Quality;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Modbus gateway of the container restarts: the poller reconnects by itself. */
class ReconnectTest {

    @TempDir
    Path work;

    ChildProcess simulator(String log, String bind) throws Exception {
        return ChildProcess.start(work.resolve(log), List.of(ChildProcess.java(), "-jar",
                ChildProcess.root().resolve("deploy/target/containeredge-sim.jar").toString(), "--site", "demo",
                "--bind", bind, "--miners-base", "0", "--duration", "120"));
    }

    @Test
    void pollerReconnectsAfterTheServerRestarts() throws Exception {
        ProcessImage image = new ProcessImage();
        // the demo site has two connections: the simulator serves them on port and port + 1
        int port = RunningContainer.freeRange(2);
        try (ChildProcess sim = simulator("first.log", "127.0.0.1:" + port);
                PollingService polling = new PollingService(image, DeviceListener.ignoring(), p -> PointResolver.fixed(p.points()))) {
            sim.await("modbus container-gw", Duration.ofSeconds(30));
            ConnectionConfig connection = new ConnectionConfig("gw", "tcp", "127.0.0.1", port, "", 9600, "none", 8, 1,
                    Duration.ofMillis(300), Duration.ZERO, 16, Duration.ofMillis(200), Duration.ofSeconds(1));
            DeviceConfig cdu = new DeviceConfig("cdu", "cdu", "immersion-cdu", "gw", 1, true, false, 3,
                    Map.of(PollClass.FAST, Duration.ofMillis(100)));
            polling.addDevice(cdu, new ProfileRepository(ConfigSource.builtIn()).get("immersion-cdu"), connection);
            Eventually.within(Duration.ofSeconds(10), () -> assertEquals(Quality.GOOD,
                    image.snapshot(System.currentTimeMillis()).get("cdu", "supply_temp").quality()));

            sim.close();
            Eventually.within(Duration.ofSeconds(10), () -> assertFalse(diagnostics(polling).online()));
            assertTrue(diagnostics(polling).errors().get("io") + diagnostics(polling).errors().get("timeout") > 0);

            try (ChildProcess restarted = simulator("second.log", "127.0.0.1:" + port)) {
                restarted.await("modbus container-gw", Duration.ofSeconds(30));
                Eventually.within(Duration.ofSeconds(15), () -> {
                    assertTrue(diagnostics(polling).online());
                    assertEquals(Quality.GOOD, image.snapshot(System.currentTimeMillis()).get("cdu", "supply_temp").quality());
                });
            }
        }
    }

    static DeviceDiagnostics diagnostics(PollingService polling) {
        return polling.diagnostics().get(0);
    }
}
