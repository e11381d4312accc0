package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations centre steering the assembled gateway over MQTT (TLS, password) with signed requests:
 * commands that reach the miners through the guards, configuration changes through the one validator,
 * and the automatic rollback of a change that takes a device offline. Every refused request must be
 * answered with its reason and leave the container as it was.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteOperationsEndToEndTest {

    static final int MINERS = 40;
    /**
     * How long a question about the configuration waits for its reply before it is asked again ({@link #answered}).
     * Applying (or rolling back) a configuration restarts the cloud component: a request arriving meanwhile is not
     * read (answered "send it again later" without its id, or not at all while the MQTT client reconnects), so it
     * is sent again, as an operations centre would, instead of waiting 30 s for a reply that cannot come. An
     * answered request is replied to well within a second.
     */
    static final Duration RESEND_AFTER = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

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
        // 40 miners x 3.5 kW + 25 kW auxiliaries = 165 kW; the battery is nearly empty, so a lower
        // import cap can only be met by curtailing miners. A dwell of 5 s instead of 30 s after a sleep: the
        // miners curtailed below come back 25 s sooner once the curtailment is lifted
        container = site.startContainer(work, s -> RunningContainer.genericMiners(s, MINERS, minersBase)
                .replace("batteryInitialSocPct: 60", "batteryInitialSocPct: 3") + "control:\n  minDwell: 5s\n",
                minersBase, "--trial-grace", "5");
        api = container.api;
        host.await("NBIRTH", r -> r.is("NBIRTH", null), 0, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        CloudSite.stop(container, site);
    }

    static JsonNode send(String kind, Map<String, Object> body) throws Exception {
        return host.request(kind, SparkplugHost.envelope(CloudSite.KEY_ID, CloudSite.KEY, body), (String) body.get("id"));
    }

    /** The reply to a request without parameters, asked anew each {@link #RESEND_AFTER} unanswered, for a minute. */
    static JsonNode answered(String kind, String action) throws Exception {
        JsonNode[] reply = new JsonNode[1];
        Eventually.within(Duration.ofSeconds(60), () -> {
            Map<String, Object> body = SparkplugHost.body(action, Map.of());
            reply[0] = host.request(kind, SparkplugHost.envelope(CloudSite.KEY_ID, CloudSite.KEY, body),
                    (String) body.get("id"), RESEND_AFTER);
        });
        return reply[0];
    }

    static double minerKw() throws Exception {
        return api.get("/api/v1/control").get("minerKw").asDouble();
    }

    static void assertRejected(JsonNode reply, String reasonPart) {
        assertEquals("rejected", reply.get("status").asText(), reply.toString());
        assertTrue(reply.get("reason").asText().contains(reasonPart), reply.toString());
    }

    @Test
    @Order(1)
    void forgedExpiredAndMalformedCommandsAreRejectedAndChangeNothing() throws Exception {
        Eventually.within(Duration.ofSeconds(60), () -> assertTrue(minerKw() > 100, "miners running: " + minerKw()));
        Map<String, Object> curtail = SparkplugHost.body("curtail", Map.of("kw", 30, "minutes", 10));

        Map<String, Object> forged = new LinkedHashMap<>();
        forged.put("keyId", CloudSite.KEY_ID);
        forged.put("body", JSON.writeValueAsString(curtail));
        forged.put("signature", SparkplugHost.hmac("not-the-key-not-the-key-not-the-key".getBytes(StandardCharsets.UTF_8),
                JSON.writeValueAsString(curtail)));
        assertRejected(host.request("command", JSON.writeValueAsBytes(forged), (String) curtail.get("id")), "signature");

        Map<String, Object> expired = SparkplugHost.body("curtail", Map.of("kw", 30, "minutes", 10));
        expired.put("expires", System.currentTimeMillis() - 1000);
        assertRejected(send("command", expired), "expired");

        int from = host.count();
        host.publish(SparkplugHost.topic("command"), "{\"keyId\":\"ops\",\"body\":".getBytes(StandardCharsets.UTF_8));
        JsonNode malformed = host.await("reply to the malformed request", r -> r.topic().equals(SparkplugHost.topic("reply"))
                && r.json().get("id").isNull(), from, Duration.ofSeconds(30)).json();
        assertEquals("rejected", malformed.get("status").asText(), malformed.toString());

        from = host.count();
        byte[] huge = new byte[2 << 20];
        Arrays.fill(huge, (byte) ' ');
        host.publish(SparkplugHost.topic("command"), huge);
        JsonNode tooBig = host.await("reply to the 2 MiB request", r -> r.topic().equals(SparkplugHost.topic("reply"))
                && r.json().get("id").isNull(), from, Duration.ofSeconds(30)).json();
        assertEquals("rejected", tooBig.get("status").asText(), tooBig.toString());

        Thread.sleep(3000); // a curtailment would have started to bite by now
        JsonNode control = api.get("/api/v1/control");
        assertTrue(control.get("maxMinerKw").asDouble() > 1000, "no cap in force: " + control);
        assertTrue(minerKw() > 100, "nothing curtailed: " + minerKw());
    }

    @Test
    @Order(2)
    void aSignedCurtailmentReducesTheLoadAndItsReplayIsAnsweredNotExecuted() throws Exception {
        Map<String, Object> curtail = SparkplugHost.body("curtail", Map.of("kw", 80, "minutes", 10));
        JsonNode reply = send("command", curtail);
        assertEquals("accepted", reply.get("status").asText(), reply.toString());
        Eventually.within(Duration.ofSeconds(60), () ->
                assertTrue(minerKw() <= 80 - 25 + 10, "miners curtailed under the 80 kW cap: " + minerKw()));
        host.await("the curtailment in the audit trail", r -> r.topic().equals(SparkplugHost.topic("audit"))
                && r.json().get("action").asText().equals("command.curtail")
                && r.json().get("outcome").asText().equals("accepted"), 0, Duration.ofSeconds(30));
        host.await("the guard's decision to curtail", r -> r.topic().equals(SparkplugHost.topic("decision"))
                && r.json().get("maxMinerKw").isNumber() && r.json().get("maxMinerKw").asDouble() < 80,
                0, Duration.ofSeconds(30));

        JsonNode lift = send("command", SparkplugHost.body("lift-curtailment", Map.of()));
        assertEquals("accepted", lift.get("status").asText(), lift.toString());
        Eventually.within(Duration.ofSeconds(90), () -> assertTrue(minerKw() > 100, "miners back: " + minerKw()));

        JsonNode replay = send("command", curtail);
        assertTrue(replay.get("replay").asBoolean(), replay.toString());
        assertEquals("accepted", replay.get("status").asText());
        Thread.sleep(5000);
        assertTrue(minerKw() > 100, "the replay did not curtail again: " + minerKw());
    }

    static JsonNode current() throws Exception {
        JsonNode reply = answered("config", "config.get");
        assertEquals("accepted", reply.get("status").asText(), reply.toString());
        return reply.get("result");
    }

    static int version(JsonNode result) {
        return result.get("version").get("version").asInt();
    }

    @Test
    @Order(3)
    void invalidConfigurationIsRejectedWithEveryErrorAndNothingChanges() throws Exception {
        JsonNode before = current();
        String site = before.get("documents").get("site").asText();

        JsonNode unsafe = send("config", SparkplugHost.body("config.apply",
                Map.of("site", site.replace("coolantSupplyTripC: 45", "coolantSupplyTripC: 38"))));
        assertRejected(unsafe, "");
        assertTrue(unsafe.toString().contains("$.limits.coolantSupplyTripC"), "safety invariant with its path: " + unsafe);

        JsonNode schema = send("config", SparkplugHost.body("config.apply",
                Map.of("site", site.replace("importCapKw: 2200", "importCapKw: lots"))));
        assertRejected(schema, "");
        assertTrue(schema.toString().contains("importCapKw"), "schema error with its path: " + schema);

        JsonNode notYaml = send("config", SparkplugHost.body("config.apply", Map.of("site", "limits: [unclosed")));
        assertRejected(notYaml, "");

        assertEquals(version(before), version(current()), "no new version");
        assertEquals(site, current().get("documents").get("site").asText());
    }

    @Test
    @Order(4)
    void aValidChangeIsAppliedAndOneThatTakesADeviceOfflineIsRolledBack() throws Exception {
        JsonNode before = current();
        int v = version(before);
        String site = before.get("documents").get("site").asText();

        JsonNode applied = send("config", SparkplugHost.body("config.apply",
                Map.of("site", site.replace("importCapKw: 2200", "importCapKw: 2100"))));
        assertEquals("accepted", applied.get("status").asText(), applied.toString());
        Eventually.within(Duration.ofSeconds(60), () -> {
            JsonNode now = current();
            assertEquals(v + 1, version(now));
            assertTrue(now.get("documents").get("site").asText().contains("importCapKw: 2100"));
        });
        Eventually.within(Duration.ofSeconds(60), () -> assertTrue(api.device("cdu").get("online").asBoolean()));
        Eventually.within(Duration.ofSeconds(60), () -> assertEquals("GOOD",
                current().get("version").get("state").asText(), "the change survived its trial"));

        // unit 77 answers nobody: the cdu, online before, stays offline
        String broken = current().get("documents").get("site").asText().replaceFirst(
                "(\\{id: cdu,[^}]*unitId: )1", "$177");
        JsonNode tried = send("config", SparkplugHost.body("config.apply", Map.of("site", broken)));
        assertEquals("accepted", tried.get("status").asText(), tried.toString());
        Eventually.within(Duration.ofSeconds(90), () -> {
            JsonNode history = answered("config", "config.history").get("result").get("versions");
            assertEquals("ROLLED_BACK", history.get(1).get("state").asText(), history.toString());
            assertEquals("auto-rollback", history.get(0).get("source").asText(), history.toString());
        });
        Eventually.within(Duration.ofSeconds(60), () -> assertTrue(api.device("cdu").get("online").asBoolean(),
                "the cdu is back after the rollback"));
        assertTrue(current().get("documents").get("site").asText().contains("importCapKw: 2100"),
                "rolled back to the last good version, not further");

        JsonNode back = send("config", SparkplugHost.body("config.rollback", Map.of("version", v)));
        assertEquals("accepted", back.get("status").asText(), back.toString());
        Eventually.within(Duration.ofSeconds(60), () -> assertTrue(
                current().get("documents").get("site").asText().contains("importCapKw: 2200"),
                "the operations centre rolled back to version " + v));
    }

    @Test
    @Order(5)
    void aCommandSignedForAnotherContainerOrOutsideItsKeysScopesIsRefusedAndNotExecuted() throws Exception {
        Eventually.within(Duration.ofSeconds(60), () -> assertTrue(minerKw() > 100, "miners running: " + minerKw()));
        JsonNode elsewhere = send("command", SparkplugHost.body("c-02", "curtail", Map.of("kw", 30, "minutes", 10)));
        assertRejected(elsewhere, "signed for container c-02 of site demo-site, this is c-01");

        Map<String, Object> apply = SparkplugHost.body("config.apply", Map.of("site", "site: x\n"));
        JsonNode outOfScope = host.request("config", SparkplugHost.envelope(CloudSite.DISPATCH_KEY_ID,
                CloudSite.DISPATCH_KEY, apply), (String) apply.get("id"));
        assertRejected(outOfScope, "key dispatch may not config.apply");
        host.await("the refusal in the audit trail, under its key", r -> r.topic().equals(SparkplugHost.topic("audit"))
                && r.json().get("actor").asText().equals(CloudSite.DISPATCH_KEY_ID)
                && r.json().get("outcome").asText().equals("rejected"), 0, Duration.ofSeconds(30));

        Thread.sleep(3000); // a curtailment would have started to bite by now
        assertTrue(api.get("/api/v1/control").get("maxMinerKw").asDouble() > 1000, "no cap in force");
        assertTrue(minerKw() > 100, "nothing curtailed: " + minerKw());
    }
}
