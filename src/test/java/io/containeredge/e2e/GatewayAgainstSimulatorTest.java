package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled {@code containeredge.jar} against {@code containeredge-sim.jar} serving the demo
 * container, both as separate processes on loopback, as on a site.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayAgainstSimulatorTest {

    static final List<String> LISTED_DEVICES = List.of("cdu", "transformer", "meter-main", "pdu-01", "pdu-12");

    @TempDir
    static Path work;
    static RunningContainer container;
    static ChildProcess simulator;
    static GatewayApi api;
    static int containerPort;

    @BeforeAll
    static void start() throws Exception {
        container = RunningContainer.start(work, site -> site, 0);
        simulator = container.simulator;
        api = container.api;
        containerPort = container.containerPort;
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (container != null) {
            container.close();
        }
    }

    @Test
    @Order(1)
    void everyPointOfEveryListedDeviceIsGoodAndSunSpecDevicesAreDiscovered() throws Exception {
        Eventually.within(Duration.ofSeconds(30), () -> {
            JsonNode points = api.get("/api/v1/snapshot").get("points");
            List<String> notGood = new ArrayList<>();
            for (JsonNode p : points) {
                String device = p.get("device").asText();
                // SunSpec devices keep "not implemented" sentinels in points the simulator has no physics for
                boolean sunSpec = device.equals("battery") || device.equals("meter-aux") || device.equals("pv");
                if (!sunSpec && !p.get("quality").asText().equals("good")) {
                    notGood.add(device + "/" + p.get("name").asText() + "=" + p.get("quality").asText());
                }
            }
            assertTrue(notGood.isEmpty(), "not good: " + notGood);
            assertEquals("good", api.point("battery", "m802.SoC").get("quality").asText());
            assertEquals("good", api.point("battery", "m103.W").get("quality").asText());
            assertEquals("good", api.point("meter-aux", "m203.W").get("quality").asText());
            assertEquals("good", api.point("pv", "m103.W").get("quality").asText());
            assertEquals("good", api.point("pv", "m103.St").get("quality").asText());
        });
        JsonNode supply = api.point("cdu", "supply_temp");
        double celsius = supply.get("value").asDouble();
        assertTrue(celsius > 15 && celsius < 60, "plausible coolant temperature: " + celsius);
        assertEquals("degC", supply.get("unit").asText());
        assertTrue(Duration.between(Instant.parse(supply.get("timestamp").asText()), Instant.now()).abs().toSeconds() < 5);
        for (JsonNode d : api.get("/api/v1/devices").get("devices")) {
            assertTrue(d.get("online").asBoolean(), d.toString());
            assertTrue(d.get("requests").asLong() > 0, d.toString());
            assertTrue(d.get("responseMs").get("p99").isNumber(), d.toString());
        }
        assertEquals(18, api.get("/api/v1/devices").get("devices").size());
    }

    @Test
    @Order(2)
    void offlineDeviceGoesStaleWithinThreePollPeriodsWithoutAffectingTheOthers() throws Exception {
        Eventually.within(Duration.ofSeconds(30), () ->
                assertEquals("good", api.point("transformer", "top_oil_temp").get("quality").asText()));
        simulator.send("device-offline transformer");
        long injected = System.nanoTime();
        // top_oil_temp is polled every 1 s: stale after 3 s without a read, plus one timeout of slack
        Eventually.within(Duration.ofSeconds(5), () -> {
            assertEquals("stale", api.point("transformer", "top_oil_temp").get("quality").asText());
            assertFalse(api.device("transformer").get("online").asBoolean());
        });
        long staleAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - injected);
        assertTrue(staleAfterMs <= 5000, "stale after " + staleAfterMs + " ms");
        assertTrue(api.device("transformer").get("errors").get("timeout").asLong() > 0);
        for (String other : LISTED_DEVICES) {
            if (!other.equals("transformer")) {
                assertTrue(api.device(other).get("online").asBoolean(), other + " stays online");
            }
        }
        assertEquals("good", api.point("cdu", "supply_temp").get("quality").asText());
        assertEquals("good", api.point("meter-main", "active_power").get("quality").asText());

        simulator.send("device-online transformer");
        Eventually.within(Duration.ofSeconds(40), () -> {
            assertEquals("good", api.point("transformer", "top_oil_temp").get("quality").asText());
            assertTrue(api.device("transformer").get("online").asBoolean());
        });
    }

    @Test
    @Order(3)
    void independentClientMbpollReadsWhatTheGatewayReads() throws Exception {
        Process mbpoll = new ProcessBuilder("mbpoll", "-m", "tcp", "-a", "1", "-r", "1", "-c", "2", "-t", "4", "-1",
                "-p", String.valueOf(containerPort), "127.0.0.1").redirectErrorStream(true).start();
        assertTrue(mbpoll.waitFor(20, TimeUnit.SECONDS), "mbpoll finished");
        String out = new String(mbpoll.getInputStream().readAllBytes());
        Matcher m = java.util.regex.Pattern.compile("\\[1\\]:\\s+(-?\\d+)").matcher(out);
        assertTrue(m.find(), "mbpoll output: " + out);
        double mbpollCelsius = Integer.parseInt(m.group(1)) / 100.0;
        double gatewayCelsius = api.point("cdu", "supply_temp").get("value").asDouble();
        assertEquals(gatewayCelsius, mbpollCelsius, 1.0, "same register, read by mbpoll and by the gateway");
    }

    @Test
    @Order(4)
    void apiIsReadOnlyAndAnswersUnknownPathsWithJsonErrors() throws Exception {
        // a technician may not send these at all (403); an administrator reaches the read-only servlet
        assertEquals(405, api.asAdmin().request("POST", "/api/v1/snapshot").statusCode());
        assertEquals(405, api.asAdmin().request("DELETE", "/api/v1/devices").statusCode());
        var notFound = api.request("GET", "/api/v1/nothing");
        assertEquals(404, notFound.statusCode());
        assertTrue(notFound.body().contains("\"error\""));
    }

    @Test
    @Order(5)
    void exceptionResponsesAndMalformedFramesAreCountedAndIsolated() throws Exception {
        simulator.send("exception meter-aux 4");
        simulator.send("malformed transformer");
        Eventually.within(Duration.ofSeconds(15), () -> {
            JsonNode aux = api.device("meter-aux");
            assertTrue(aux.get("exceptionCodes").path("4").asLong() > 0, aux.toString());
            assertEquals("invalid", api.point("meter-aux", "m203.W").get("quality").asText());
            JsonNode transformer = api.device("transformer");
            assertTrue(transformer.get("errors").get("malformed").asLong() > 0, transformer.toString());
        });
        assertEquals("good", api.point("cdu", "supply_temp").get("quality").asText());
        assertTrue(api.device("cdu").get("online").asBoolean());
        simulator.send("clear");
        Eventually.within(Duration.ofSeconds(40), () -> {
            assertEquals("good", api.point("meter-aux", "m203.W").get("quality").asText());
            assertEquals("good", api.point("transformer", "top_oil_temp").get("quality").asText());
        });
    }
}
