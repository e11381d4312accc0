package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demand-response event sent as a signed MQTT request to the assembled gateway (TLS, password, the real Mosquitto):
 * an import limit below the container's load is accepted, shown active by the API, and the miners' committed power
 * falls so that the import stays under it; its per-second compliance downloads as CSV; its cancellation brings the
 * load back and sends the event's performance record. A forged request and one with a hostile id are refused and
 * change nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GridEventsEndToEndTest {

    /**
     * 20 miners x 3.5 kW + 25 kW auxiliaries = 95 kW; the battery nearly empty, so only the miners can give way; a
     * short dwell time, so that they come back as soon as the event is cancelled.
     */
    static final int MINERS = 20;
    static final double AUXILIARIES_KW = 25;
    static final double LIMIT_KW = 60;
    static final String EVENT = "e2e-heat-wave";
    @TempDir
    static Path work;
    static CloudSite site;
    static RunningContainer container;
    static SparkplugHost host;
    static GatewayApi api;

    @BeforeAll
    static void start() throws Exception {
        site = CloudSite.start(work, "");
        host = site.host();
        int minersBase = RunningContainer.freeRange(MINERS);
        container = site.startContainer(work, s -> RunningContainer.genericMiners(s, MINERS, minersBase)
                .replace("batteryInitialSocPct: 60", "batteryInitialSocPct: 3")
                .replace("restoreAfter: 30s, restoreRamp: 1m", "restoreAfter: 2s, restoreRamp: 2s")
                .replace("    credentialsFile: openadr-credentials.txt\n",
                        "    credentialsFile: openadr-credentials.txt\n    poll: 1s\n")
                + "control:\n  minDwell: 2s\n", minersBase);
        api = container.api;
        host.await("NBIRTH", r -> r.is("NBIRTH", null), 0, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        CloudSite.stop(container, site);
    }

    static JsonNode send(Map<String, Object> body) throws Exception {
        return host.request("command", SparkplugHost.envelope(CloudSite.KEY_ID, CloudSite.KEY, body),
                (String) body.get("id"));
    }

    static Map<String, Object> schedule(String id) {
        return SparkplugHost.body("event.schedule", Map.of("id", id, "name", "Heat wave", "start",
                System.currentTimeMillis(), "rampMinutes", 0, "durationMinutes", 10, "importLimitKw", LIMIT_KW));
    }

    static double committedKw() throws Exception {
        return api.get("/api/v1/control").get("committedKw").asDouble();
    }

    static JsonNode events() throws Exception {
        return api.get("/api/v1/events");
    }

    @Test
    @Order(1)
    void aForgedOrHostileEventIsRefusedAndChangesNothing() throws Exception {
        Eventually.within(Duration.ofSeconds(40), () -> assertTrue(committedKw() > LIMIT_KW, "miners committed: "
                + committedKw()));
        Map<String, Object> body = schedule(EVENT);
        byte[] notTheKey = "not-the-key-not-the-key-not-the-key".getBytes(StandardCharsets.UTF_8);
        JsonNode refused = host.request("command", SparkplugHost.envelope(CloudSite.KEY_ID, notTheKey, body),
                (String) body.get("id"));
        assertEquals("rejected", refused.get("status").asText(), refused.toString());
        assertTrue(refused.get("reason").asText().contains("signature"), refused.toString());

        JsonNode hostile = send(schedule("../../etc/passwd"));
        assertEquals("rejected", hostile.get("status").asText(), hostile.toString());
        assertTrue(hostile.get("reason").asText().contains("is not 1-128 letters"), hostile.toString());

        JsonNode none = events();
        assertEquals(0, none.get("upcoming").size() + none.get("active").size() + none.get("past").size(),
                none.toString());
        assertEquals(400, api.request("GET", "/api/v1/events/a%22b/performance.csv").statusCode());
    }

    @Test
    @Order(2)
    void aSignedImportLimitIsActiveAndTheMinersGiveWaySoTheImportStaysUnderIt() throws Exception {
        Map<String, Object> body = schedule(EVENT);
        JsonNode reply = send(body);
        assertEquals("accepted", reply.get("status").asText(), reply.toString());
        assertEquals("mqtt:" + EVENT, reply.at("/result/id").asText(), reply.toString());

        Eventually.within(Duration.ofSeconds(10), () -> {
            JsonNode active = events().get("active");
            assertEquals(1, active.size(), active.toString());
            assertEquals("mqtt:" + EVENT, active.at("/0/id").asText());
            assertEquals("mqtt:ops/" + body.get("id"), active.at("/0/source").asText());
        });
        Eventually.within(Duration.ofSeconds(15), () -> assertTrue(committedKw() <= LIMIT_KW - AUXILIARIES_KW + 4,
                "the miners committed under the event's limit less the auxiliaries: " + committedKw()));
        assertTrue(api.get("/api/v1/grid").get("binding").asText().contains("event"),
                "the event binds: " + api.get("/api/v1/grid"));

        Eventually.within(Duration.ofSeconds(10), () -> {
            HttpResponse<String> csv = api.request("GET", "/api/v1/events/mqtt:" + EVENT + "/performance.csv");
            assertEquals(200, csv.statusCode(), csv.body());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            List<String> lines = csv.body().lines().toList();
            assertEquals("time,epochSecond,baselineKw,targetKw,importKw,shortfallKw,measured", lines.get(0));
            assertTrue(lines.size() >= 3, "a row per second: " + lines);
            assertTrue(lines.get(2).matches("\\d{4}-\\d\\d-\\d\\dT[^,]+Z,\\d+,[^,]*,60,.*"), lines.get(2));
        });
    }

    @Test
    @Order(3)
    void cancellingTheEventBringsTheLoadBackAndSendsItsPerformance() throws Exception {
        int from = host.count();
        JsonNode reply = send(SparkplugHost.body("event.cancel", Map.of("id", EVENT)));
        assertEquals("accepted", reply.get("status").asText(), reply.toString());
        Eventually.within(Duration.ofSeconds(20), () -> assertTrue(committedKw() > LIMIT_KW,
                "the miners back: " + api.get("/api/v1/control").get("binding")));
        assertEquals("CANCELLED", events().at("/past/0/state").asText(), events().toString());
        JsonNode record = host.await("the event's performance record", r -> r.topic().equals(
                SparkplugHost.topic("event-performance")), from, Duration.ofSeconds(15)).json();
        assertEquals("mqtt:" + EVENT, record.get("eventId").asText(), record.toString());
        assertTrue(record.get("measuredSeconds").asLong() > 0, record.toString());
    }

    @Test
    @Order(4)
    void anUnderFrequencyDipInTheSimulatorShedsEveryMinerAndTheyReturnOnceTheGridHasRecovered() throws Exception {
        Eventually.within(Duration.ofSeconds(20), () -> assertTrue(committedKw() > LIMIT_KW, "miners committed: "
                + committedKw()));
        container.simulator.send("freq-dip 59.5 4");
        Eventually.within(Duration.ofSeconds(3), () -> {
            assertEquals(0, committedKw(), 1e-9, "every miner shed");
            JsonNode guard = api.get("/api/v1/grid").get("frequency");
            assertEquals("SHED", guard.get("state").asText(), guard.toString());
            assertEquals(59.5, guard.get("hz").asDouble(), 0.05, guard.toString());
        });
        assertTrue(api.get("/api/v1/control").get("binding").asText().startsWith("under-frequency"),
                api.get("/api/v1/control").get("binding").asText());
        Eventually.within(Duration.ofSeconds(20), () -> {
            assertEquals("NORMAL", api.get("/api/v1/grid").at("/frequency/state").asText());
            assertTrue(committedKw() > LIMIT_KW, "the miners back: " + committedKw());
        });
        assertTrue(api.get("/api/v1/grid").at("/frequency/sheds").asLong() >= 1);
    }

    @Test
    @Order(5)
    void anEventPublishedByTheVtnIsPolledByTheVenAndScheduled() throws Exception {
        container.simulator.send("adr-event 40 5");
        Eventually.within(Duration.ofSeconds(15), () -> {
            JsonNode upcoming = events().get("upcoming");
            assertEquals(1, upcoming.size(), upcoming.toString());
            assertTrue(upcoming.at("/0/id").asText().startsWith("openadr:"), upcoming.toString());
            assertTrue(upcoming.at("/0/source").asText().startsWith("openadr:"), upcoming.toString());
            assertEquals("IMPORT_LIMIT_KW", upcoming.at("/0/intervals/0/kind").asText(), upcoming.toString());
            assertEquals(40, upcoming.at("/0/intervals/0/value").asDouble(), 1e-9, upcoming.toString());
        });
    }
}
