package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable jar's command line: the demo, a refused site, bad arguments. */
class LauncherTest {

    @TempDir
    Path work;

    /**
     * The gateway's command line; its state goes to a fresh temporary data directory, and it accepts the
     * tests' API tokens ({@link TestApiTokens}) unless the arguments say otherwise.
     */
    static List<String> gateway(String... args) throws java.io.IOException {
        List<String> command = new java.util.ArrayList<>(List.of(ChildProcess.java(), "-Xmx64m", "-jar",
                ChildProcess.root().resolve("deploy/target/containeredge.jar").toString()));
        command.addAll(List.of(args));
        if (!List.of(args).contains("--data")) {
            command.addAll(List.of("--data", Files.createTempDirectory("containeredge-data").toString()));
        }
        if (!List.of(args).contains("--api-tokens")) {
            command.addAll(List.of("--api-tokens", TestApiTokens.file().toString()));
        }
        return command;
    }

    @Test
    void demoRunsTheGatewayAgainstTheInProcessSimulator() throws Exception {
        int apiPort = RunningContainer.freePort();
        Path data = Files.createDirectories(work.resolve("data"));
        try (ChildProcess demo = ChildProcess.start(work.resolve("demo.log"),
                gateway("--demo", "--api-port", String.valueOf(apiPort), "--data", data.toString()))) {
            demo.await("Started Jetty", Duration.ofSeconds(60));
            GatewayApi api = new GatewayApi(apiPort);
            Eventually.within(Duration.ofSeconds(30), () -> {
                assertEquals("good", api.point("cdu", "supply_temp").get("quality").asText());
                assertEquals("good", api.point("battery", "m802.SoC").get("quality").asText());
                for (JsonNode d : api.get("/api/v1/devices").get("devices")) {
                    assertTrue(d.get("online").asBoolean(), d.toString());
                }
            });
            double kw = api.point("meter-main", "active_power").get("value").asDouble();
            assertTrue(kw > 100 && kw < 2500, "container load in kW: " + kw);
            // the demo's feeds: the controller takes the 47.5 h price file; the PV forecast lies beside it
            Eventually.within(Duration.ofSeconds(30), () -> {
                JsonNode priceFile = api.get("/api/v1/economics").get("priceFile");
                assertEquals(570, priceFile.get("slots").asInt(), priceFile.toString());
                assertTrue(priceFile.get("problem").isNull(), priceFile.toString());
            });
            JsonNode forecast = new ObjectMapper().readTree(
                    data.resolve("demo-pv-forecast.json").toFile());
            assertEquals(192, forecast.get("slots").size());
            assertEquals("good", api.point("pv", "m103.W").get("quality").asText());
        }
    }

    @Test
    void invalidSiteStartsNoDeviceAndLogsEveryErrorWithFileAndPath() throws Exception {
        Path config = Files.createDirectories(work.resolve("config"));
        Files.writeString(config.resolve("site.yaml"), """
                site: bad
                container: c
                connections:
                  - {id: gw, transport: tcp, host: 127.0.0.1, port: 1502}
                devices:
                  - {id: cdu, role: cdu, profile: immersion-cdu, connection: gw, unitId: 1}
                limits:
                  coolantSupplyWarningC: 46
                  coolantSupplyTripC: 45
                  coolantSupplyLowC: 20
                  minFlowM3h: 60
                  transformerRatingKva: 2500
                """);
        try (ChildProcess gw = ChildProcess.start(work.resolve("bad.log"),
                gateway("--config", config.toString(), "--api-port", String.valueOf(RunningContainer.freePort())))) {
            gw.await("site configuration refused", Duration.ofSeconds(60));
            gw.await(Path.of(config.resolve("site.yaml").toString()).toString().replace(".", "\\.")
                    + ": \\$\\.limits\\.coolantSupplyTripC: trip \\(45\\.0\\) must be above warning", Duration.ofSeconds(5));
            assertTrue(!gw.output().contains("online: answering"), "no device may start");
        }
    }

    @Test
    void unknownArgumentPrintsUsageAndExitsNonZero() throws Exception {
        Process p = new ProcessBuilder(gateway("--frobnicate")).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes());
        assertNotEquals(0, p.exitValue());
        assertTrue(out.contains("unknown argument '--frobnicate'"), out);
        assertTrue(out.contains("usage:"), out);
    }
}
