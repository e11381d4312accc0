package io.containeredge.simulator.redfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.site.api.AiSettings;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent Redfish client, sushy (Debian python3-sushy, installed by run-tests.sh), logs in to a simulated BMC
 * with a session, trusts it through its CA file, reads its chassis and power and sets a power limit.
 */
class SushyInteropTest {

    @TempDir
    Path dir;

    @Test
    void sushyReadsTheChassisAndItsPowerAndSetsALimit() throws Exception {
        AiSettings.GpuServer server = new AiSettings.GpuServer("gpu-01", URI.create("https://127.0.0.1:0"), "1",
                10_200, AiSettings.Auth.SESSION, "credentials", new AiSettings.Trust(Optional.empty(),
                        Optional.of("ca.pem")));
        AiSettings ai = new AiSettings(List.of(new AiSettings.Tenant("lab", new AiSettings.Contract(5, 5, 150, 40,
                Duration.ofMinutes(5)), List.of(server))), AiSettings.DEFAULT_POLL,
                AiSettings.DEFAULT_REQUEST_TIMEOUT, AiSettings.DEFAULT_CAP_SETTLE);
        GpuSimulation simulation = GpuSimulation.defaults().withDialect("power").withWorkload(GpuWorkload.IDLE);
        Path script = dir.resolve("sushy_check.py");
        try (InputStream in = getClass().getResourceAsStream("/redfish/sushy_check.py")) {
            Files.copy(in, script);
        }
        try (GpuBmcs bmcs = GpuBmcs.start(ai, simulation, 1, 1_700_036_000_000L, ZoneOffset.UTC, () -> 60_000)) {
            Path ca = Files.writeString(dir.resolve("ca.pem"), bmcs.certificate().pem());
            RedfishBmc bmc = bmcs.bmc("gpu-01");
            ProcessBuilder sushy = new ProcessBuilder("/usr/bin/python3", script.toString(),
                    "https://127.0.0.1:" + bmc.port(), simulation.user(), simulation.password(), ca.toString(),
                    "/redfish/v1/Chassis/1", "7000").redirectErrorStream(true);
            // requests lets these variables override the CA file sushy gives its session
            sushy.environment().remove("REQUESTS_CA_BUNDLE");
            sushy.environment().remove("CURL_CA_BUNDLE");
            Process p = sushy.start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "sushy finished");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), "sushy (apt-get install python3-sushy) said:\n" + out);
            assertTrue(out.contains("redfish 1.17.0"), out);
            assertTrue(out.contains("chassis 1 ChassisType.RACK_MOUNT PowerState.ON"), out);
            Matcher consumed = Pattern.compile("consumed (\\d+\\.\\d+)").matcher(out);
            assertTrue(consumed.find(), out);
            assertEquals(10_200 * 0.15, Double.parseDouble(consumed.group(1)), 0.5, "idle draw");
            assertTrue(out.contains("limit 7000.0"), out);
            assertEquals(7000, bmc.model().capW(), 0.01, "the limit sushy set is held by the BMC");
        }
    }
}
