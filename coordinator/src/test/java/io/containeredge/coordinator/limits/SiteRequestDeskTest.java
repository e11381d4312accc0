package io.containeredge.coordinator.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.coordinator.TestZooKeeper;
import io.containeredge.site.api.SignedEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed site requests against a real ZooKeeper: what is done, what is refused, and that a refusal changes nothing. */
class SiteRequestDeskTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SECRET = "an-aggregator-secret-of-32-bytes".getBytes(StandardCharsets.US_ASCII);
    private static final long NOW = System.currentTimeMillis();
    private TestZooKeeper zookeeper;
    private SiteLimitStore store;
    private SiteRequestDesk desk;

    @BeforeEach
    void start() throws Exception {
        zookeeper = TestZooKeeper.start();
        store = new SiteLimitStore(zookeeper.client(), "/containeredge/test-site");
        desk = new SiteRequestDesk("test-site", Map.of("aggregator", SECRET), store, (topic, payload) -> true,
                () -> true, System::currentTimeMillis);
    }

    @AfterEach
    void stop() throws Exception {
        desk.close();
        zookeeper.close();
    }

    private static String body(String id, String action, String params) {
        return "{\"id\":\"" + id + "\",\"expires\":" + (NOW + 60_000) + ",\"site\":\"test-site\",\"action\":\""
                + action + "\",\"params\":" + params + "}";
    }

    private static byte[] signed(String body) {
        return SignedEnvelope.sign(body, "aggregator", SECRET).getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode handle(byte[] payload) throws Exception {
        return JSON.readTree(desk.handle(payload, NOW));
    }

    private static final String UNTIL = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).withNano(0).toString();
    private static final String SET = "{\"id\":\"event-7\",\"kw\":9000,\"until\":\"" + UNTIL + "\","
            + "\"reason\":\"DR event 7\"}";

    @Test
    void aSignedLimitIsSetAndEndedAndAReplayIsRefused() throws Exception {
        byte[] set = signed(body("r-1", "limit.set", SET));
        JsonNode done = handle(set);
        assertEquals("done", done.get("status").asText(), done.toString());
        assertEquals("r-1", done.get("id").asText());
        assertEquals("event-7", done.get("limits").get(0).get("id").asText());
        SiteLimit limit = store.readNow().limits().find("event-7").orElseThrow();
        assertEquals(9000, limit.kw());
        assertEquals("mqtt:aggregator/r-1", limit.by());
        assertEquals(NOW, limit.fromMillis(), "from now when not given");

        JsonNode ended = handle(signed(body("r-2", "limit.end", "{\"id\":\"event-7\"}")));
        assertEquals("done", ended.get("status").asText(), ended.toString());
        assertTrue(store.readNow().limits().find("event-7").isEmpty());

        JsonNode replay = handle(set);
        assertEquals("rejected", replay.get("status").asText());
        assertEquals("request aggregator/r-1 was done already (a replay)", replay.get("reason").asText());
        assertTrue(store.readNow().limits().find("event-7").isEmpty(), "the ended limit stays ended");
    }

    @Test
    void everyRefusalSaysWhyAndChangesNothing() throws Exception {
        String good = body("r-1", "limit.set", SET);
        assertRefused(SignedEnvelope.sign(good, "aggregator", new byte[32]).getBytes(StandardCharsets.UTF_8),
                "wrong signature");
        assertRefused(SignedEnvelope.sign(good, "stranger", SECRET).getBytes(StandardCharsets.UTF_8),
                "unknown key id");
        assertRefused("{\"keyId\":\"aggregator\"}".getBytes(StandardCharsets.UTF_8),
                "envelope needs keyId, body and signature");
        assertRefused(new byte[SignedEnvelope.MAX_BYTES + 1], "larger than");
        assertRefused(signed(good.replace("test-site", "other-site")), "request for site other-site, this is test-site");
        assertRefused(signed(good.replace(String.valueOf(NOW + 60_000), String.valueOf(NOW - 1))), "request expired");
        assertRefused(signed(good.replace(String.valueOf(NOW + 60_000), String.valueOf(NOW + 3_600_000))),
                "lives longer than 10 minutes");
        assertRefused(signed(good.replace("limit.set", "limit.raise")), "action limit.raise is none of");
        assertRefused(signed(good.replace("\"id\":\"r-1\"", "\"id\":\"r 1\"")), "id missing or not");
        assertRefused(signed(good.substring(0, good.length() - 1) + ",\"extra\":1}"), "unknown field extra");
        assertRefused(signed(body("r-3", "limit.set", SET.replace("9000", "-1"))), "must be a number of kW >= 0");
        assertRefused(signed(body("r-4", "limit.set", SET.replace("\"reason\":\"DR event 7\"", "\"raise\":1"))),
                "unknown field params.raise");
        assertRefused(signed(body("r-5", "limit.set", SET.replace(UNTIL, "soon"))), "time soon is none");
        assertRefused(signed(body("r-6", "limit.end", "{\"id\":\"nothing\"}")), "there is no nothing");
        assertRefused(signed("{\"id\":\"r-7\",\"id\":\"r-8\"}"), "body is not a JSON object");
        assertEquals(new SiteLimitStore.Read(SiteLimits.NONE, null), store.readNow(), "nothing written");
    }

    @Test
    void aKeyChangesOnlyTheLimitsItSet() throws Exception {
        store.update(held -> held.with(new SiteLimit("utility-order", 8000, NOW, NOW + 3_600_000, "curtailment",
                "cli:ops", NOW), NOW));
        assertRefused(signed(body("r-1", "limit.end", "{\"id\":\"utility-order\"}")),
                "site limit utility-order was set by cli:ops: only its setter changes or ends it");
        assertRefused(signed(body("r-2", "limit.set", SET.replace("event-7", "utility-order"))),
                "only its setter changes or ends it");
        assertEquals(8000, store.readNow().limits().find("utility-order").orElseThrow().kw(), "untouched");
    }

    @Test
    void aStandbyLeavesRequestsAlone() throws Exception {
        List<String> replies = new CopyOnWriteArrayList<>();
        SiteRequestDesk standby = new SiteRequestDesk("test-site", Map.of("aggregator", SECRET), store,
                (topic, payload) -> replies.add(payload), () -> false, System::currentTimeMillis);
        standby.accept(signed(body("r-1", "limit.set", SET)));
        Thread.sleep(300);
        standby.close();
        assertEquals(List.of(), replies, "a standby stays silent");
        assertEquals(new SiteLimitStore.Read(SiteLimits.NONE, null), store.readNow());
    }

    private void assertRefused(byte[] payload, String reason) throws Exception {
        JsonNode reply = handle(payload);
        assertEquals("rejected", reply.get("status").asText(), reply.toString());
        assertTrue(reply.get("reason").asText().contains(reason), reply.toString());
    }
}
