package io.containeredge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.site.api.SiteDocuments;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorMainTest {

    @Test
    void refusesNonLoopbackBind() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SimulatorMain.run(new String[] {"--site", "demo", "--bind", "0.0.0.0:15020", "--duration", "0"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("only binds loopback"), err.toString());
        assertThrows(IllegalArgumentException.class, () -> Simulator.start(SiteDocuments.loadBuiltIn("demo-container"),
                SimulatorOptions.forTests().withBindAddress(InetAddress.getByName("0.0.0.0"))));
    }

    @Test
    void refusesBadGpuOptionsNamingThem() {
        for (String[] bad : new String[][] {{"--gpu-dialect", "redfish"}, {"--gpu-workload", "mining"},
            {"--gpu-swing-pct", "140"}, {"--bmc-user", "a:b"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = SimulatorMain.run(new String[] {"--site", "demo", bad[0], bad[1], "--duration", "0"},
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, code, String.join(" ", bad));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("--gpu-dialect controls|power|mixed"),
                    err.toString());
        }
    }

    @Test
    void runsTheDemoSiteAndPrintsItsPorts() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = SimulatorMain.run(new String[] {"--site", "demo", "--bind", "127.0.0.1:0", "--miners-base", "0",
            "--duration", "0.3", "--seed", "7"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("modbus container-gw on 127.0.0.1:"), text);
        assertTrue(text.contains("modbus bess on 127.0.0.1:"), text);
        // the demo's miners 40-47 run the Braiins OS-style firmware, the others the CGMiner-style API
        assertTrue(text.contains("miners 232 on 127.0.0.1:") && text.contains("(CGMiner JSON API)"), text);
        assertTrue(text.contains("miners 8 on 127.0.0.1:") && text.contains("(Braiins OS-style REST API)"), text);
    }

    @Test
    void aBadPriceCsvStopsTheStartNamingItsLineAndWritesNothing(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("prices.csv");
        Files.writeString(csv, "timestamp,usd_per_mwh\n2026-01-01T00:00:00Z,40\n2026-01-01T00:45:00Z,41\n");
        Path feeds = dir.resolve("feeds");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SimulatorMain.run(new String[] {"--site", "demo", "--bind", "127.0.0.1:0", "--miners-base", "0",
            "--duration", "0", "--feeds", feeds.toString(), "--price-csv", csv.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(csv + ": line 3: 2026-01-01T00:45:00Z is not 15 minutes"
                + " after the line before"), err.toString());
        assertFalse(Files.exists(feeds), "no half file");
    }

    @Test
    void theFeedsOptionWritesThePriceFileFromTheCsvAloneAndTheForecast(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = SimulatorMain.run(new String[] {"--site", "demo", "--bind", "127.0.0.1:0", "--miners-base", "0",
            "--duration", "0.5", "--feeds", dir.toString(), "--price-steps", "off"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("feed " + dir.resolve("demo-prices.json") + " every 5 s"), text);
        assertTrue(text.contains("feed " + dir.resolve("demo-pv-forecast.json") + " every 300 s"), text);
        assertTrue(Files.readString(dir.resolve("demo-prices.json")).startsWith("{\"slots\": ["));
        assertTrue(Files.exists(dir.resolve("demo-pv-forecast.json")));
    }

    @Test
    void configDirectoryIsTheParentOfSites() {
        assertEquals(Path.of("/x/firmware-config"), SimulatorMain.configDir(Path.of("/x/firmware-config/sites/a.yaml")));
        assertEquals(Path.of("/y"), SimulatorMain.configDir(Path.of("/y/site.yaml")));
    }
}
