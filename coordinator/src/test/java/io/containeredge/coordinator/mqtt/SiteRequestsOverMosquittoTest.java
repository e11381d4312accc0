package io.containeredge.coordinator.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.cloud.mqtt.MosquittoBroker;
import io.containeredge.coordinator.Coordinator;
import io.containeredge.coordinator.TestSites;
import io.containeredge.coordinator.report.ReportBook;
import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.CoordinatorConfig.Container;
import io.containeredge.site.api.SiteTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed site requests from an independent sender (Python's hmac and Debian's paho-mqtt, the sample sender {@code
 * deploy/site-request.py})
 * through a real Mosquitto to a running coordinator, which keeps the limit in a real ZooKeeper and allocates under it.
 */
class SiteRequestsOverMosquittoTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SECRET = "an-aggregator-secret-of-32-bytes".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void anAggregatorSetsAndEndsASiteLimitAndItsReplayIsRefused() throws Exception {
        Path script = Path.of("..", "deploy", "site-request.py"); // the module's directory is the tests' working one
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker")).start();
                TestingServer zookeeper = new TestingServer(true)) {
            CoordinatorConfig config = TestSites.site(1000, 0, List.of(new Container("c-01", 300)),
                    zookeeper.getConnectString(), List.of(broker.uri()));
            ReportBook reports = new ReportBook(config, System::currentTimeMillis);
            AtomicReference<Coordinator> running = new AtomicReference<>();
            try (SiteMqtt mqtt = new SiteMqtt(config.mqtt(), "coordinator-a", SiteTopics.reports(TestSites.SITE),
                    SiteTopics.request(TestSites.SITE), 1, reports::accept, p -> running.get().request(p));
                    Coordinator coordinator = new Coordinator(config, new byte[32], Map.of("aggregator", SECRET), "a",
                            mqtt, reports, System::currentTimeMillis)) {
                running.set(coordinator);
                mqtt.start();
                coordinator.start();
                await("active and connected", () -> coordinator.active() && mqtt.connected());
                String port = broker.uri().substring(broker.uri().lastIndexOf(':') + 1);

                List<JsonNode> set = peer(script, port, SECRET, "r-1", "limit.set", "{\"id\":\"event-7\","
                        + "\"kw\":600,\"until\":" + (System.currentTimeMillis() + 3_600_000) + ",\"reason\":\"DR event 7\"}",
                        2);
                assertEquals("done", set.get(0).get("status").asText(), set.toString());
                assertEquals("event-7", set.get(0).get("limits").get(0).get("id").asText());
                assertEquals("rejected", set.get(1).get("status").asText(), "the same bytes again: " + set);
                assertTrue(set.get(1).get("reason").asText().contains("a replay"), set.toString());
                await("allocating under the limit",
                        () -> "event-7".equals(coordinator.view().limit().limitId()));
                assertEquals(600, coordinator.view().limit().importCapKw());

                byte[] wrong = "another-secret-of-32-bytes-at-least".getBytes(StandardCharsets.US_ASCII);
                JsonNode forged = peer(script, port, wrong, "r-2", "limit.end", "{\"id\":\"event-7\"}", 1).get(0);
                assertEquals("rejected", forged.get("status").asText());
                assertEquals("wrong signature", forged.get("reason").asText());

                JsonNode ended = peer(script, port, SECRET, "r-3", "limit.end", "{\"id\":\"event-7\"}", 1).get(0);
                assertEquals("done", ended.get("status").asText(), ended.toString());
                await("back under the cap", () -> coordinator.view().limit().limitId() == null);
            }
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "not " + what + " within 10 s");
            Thread.sleep(20);
        }
    }

    /** Runs the independent sender; its replies, one per copy sent. */
    private static List<JsonNode> peer(Path script, String port, byte[] secret, String id, String action,
            String params, int copies) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), "127.0.0.1", port, TestSites.SITE,
                "aggregator", Base64.getEncoder().encodeToString(secret), id, action, params,
                String.valueOf(copies)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the sender hung");
        assertEquals(0, p.exitValue(), "site-request.py (apt-get install python3-paho-mqtt) said:\n" + out);
        List<JsonNode> replies = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            replies.add(JSON.readTree(line));
        }
        return replies;
    }
}
