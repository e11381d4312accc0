package io.containeredge.cloud.remote;

import static io.containeredge.cloud.remote.Signer.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.cloud.sparkplug.SparkplugTopics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Everything that must be refused with a reason and leave the controller untouched. */
class RejectedRequestsTest extends RigFixture {

    static final String CURTAIL_PARAMS = "{\"kw\":900,\"minutes\":5}";

    String curtailBody(String id, long expires) {
        return "{\"id\":\"" + id + "\",\"expires\":" + expires + ",\"site\":\"demo-site\",\"container\":\"c-01\","
                + "\"action\":\"curtail\",\"params\":" + CURTAIL_PARAMS + "}";
    }

    /** Sends the payload on the command topic and checks: rejected, reason containing {@code why}, nothing done. */
    JsonNode assertRejected(byte[] payload, String why) throws Exception {
        rig.requests.handle(Rig.COMMAND, payload);
        JsonNode reply = rig.lastReply();
        assertEquals("rejected", reply.get("status").asText(), reply.toString());
        assertTrue(reply.get("reason").asText().contains(why), reply.toString());
        assertTrue(rig.control.calls().isEmpty(), "controller touched: " + rig.control.calls());
        assertEquals(1, rig.replies.size(), "exactly one reply");
        assertEquals("rejected", rig.audit.last().outcome());
        return reply;
    }

    @Test
    void aWrongSignature() throws Exception {
        String body = curtailBody("r-1", Rig.T0 + 60_000);
        JsonNode reply = assertRejected(Signer.envelope("ops", body, Signer.hmacHex(Signer.KEY_TEXT, body + " ")),
                "wrong signature");
        assertEquals("r-1", reply.get("id").asText());
        assertEquals("unknown", rig.audit.last().actor());
    }

    @Test
    void aBodyChangedAfterSigning() throws Exception {
        String body = curtailBody("r-2", Rig.T0 + 60_000);
        assertRejected(Signer.envelope("ops", body.replace("900", "9"), Signer.hmacHex(Signer.KEY_TEXT, body)),
                "wrong signature");
    }

    @Test
    void aSignatureThatIsNotHex() throws Exception {
        assertRejected(Signer.envelope("ops", curtailBody("r-3", Rig.T0 + 60_000), "zz"), "not hex");
    }

    @Test
    void anUnknownKeyId() throws Exception {
        String body = curtailBody("r-4", Rig.T0 + 60_000);
        assertRejected(Signer.envelope("intruder", body, Signer.hmacHex(Signer.KEY_TEXT, body)), "unknown key id");
    }

    @Test
    void anExpiredRequest() throws Exception {
        assertRejected(Signer.signed(curtailBody("r-5", Rig.T0 - 1)), "expired");
    }

    @Test
    void aRequestExpiringNow() throws Exception {
        assertRejected(Signer.signed(curtailBody("r-6", Rig.T0)), "expired");
    }

    @Test
    void aRequestValidForMoreThanADay() throws Exception {
        assertRejected(Signer.signed(curtailBody("r-7", Rig.T0 + 24 * 3_600_000L + 1)), "more than 24 h ahead");
    }

    @Test
    void malformedJson() throws Exception {
        JsonNode reply = assertRejected("{\"keyId\":\"ops\",".getBytes(StandardCharsets.UTF_8), "not a JSON object");
        assertTrue(reply.get("id").isNull());
    }

    @Test
    void anEnvelopeWithoutASignature() throws Exception {
        assertRejected(("{\"keyId\":\"ops\",\"body\":\"" + "{}" + "\"}").getBytes(StandardCharsets.UTF_8),
                "needs keyId, body and signature");
    }

    @Test
    void aSignedBodyThatIsNotJson() throws Exception {
        JsonNode reply = assertRejected(Signer.signed("curtail 900 kW please"), "body is not valid JSON");
        assertTrue(reply.get("id").isNull());
    }

    @Test
    void aSignedBodyWithTextAfterTheObject() throws Exception {
        assertRejected(Signer.signed(curtailBody("r-19", Rig.T0 + 60_000) + " {\"action\":\"rebirth\"}"),
                "body is not valid JSON");
    }

    @Test
    void aSignedBodyThatIsAJsonArray() throws Exception {
        assertRejected(Signer.signed("[1, 2]"), "body is not a JSON object");
    }

    @Test
    void aMissingId() throws Exception {
        JsonNode reply = assertRejected(Signer.signed("{\"expires\":" + (Rig.T0 + 60_000) + ",\"action\":\"curtail\"}"),
                "id missing");
        assertTrue(reply.get("id").isNull());
    }

    @Test
    void anIdOfTheWrongForm() throws Exception {
        JsonNode reply = assertRejected(Signer.signed(curtailBody("r 8/../x", Rig.T0 + 60_000)), "id missing or not");
        assertTrue(reply.get("id").isNull(), "a malformed id is not echoed");
    }

    @Test
    void aMissingExpiry() throws Exception {
        JsonNode reply = assertRejected(Signer.signed("{\"id\":\"r-9\",\"action\":\"curtail\"}"), "expires missing");
        assertEquals("r-9", reply.get("id").asText());
    }

    @Test
    void aMissingAction() throws Exception {
        assertRejected(Signer.signed("{\"id\":\"r-10\",\"expires\":" + (Rig.T0 + 60_000) + "}"), "action missing");
    }

    @Test
    void duplicateKeysInTheBody() throws Exception {
        assertRejected(Signer.signed("{\"id\":\"r-11\",\"id\":\"r-12\",\"expires\":" + (Rig.T0 + 60_000)
                + ",\"action\":\"curtail\"}"), "duplicate key");
    }

    @Test
    void aPayloadOfTwoMebibytesIsNotRead() throws Exception {
        byte[] huge = new byte[2 << 20];
        Arrays.fill(huge, (byte) ' ');
        JsonNode reply = assertRejected(huge, "larger than 1048576 bytes");
        assertTrue(reply.get("id").isNull());
    }

    @Test
    void anUnknownAction() throws Exception {
        assertRejected(Signer.signed(Signer.body("r-13", Rig.T0 + 60_000, "self-destruct", null)),
                "unknown action self-destruct");
    }

    @Test
    void aConfigActionOnTheCommandTopic() throws Exception {
        assertRejected(Signer.signed(Signer.body("r-14", Rig.T0 + 60_000, "config.history", null)),
                "belongs on the config topic");
    }

    @Test
    void aCommandOnTheConfigTopic() throws Exception {
        rig.requests.handle(Rig.CONFIG, Signer.signed(curtailBody("r-15", Rig.T0 + 60_000)));
        JsonNode reply = rig.lastReply();
        assertEquals("rejected", reply.get("status").asText());
        assertTrue(reply.get("reason").asText().contains("belongs on the command topic"), reply.toString());
        assertTrue(rig.control.calls().isEmpty());
    }

    @Test
    void paramsOfTheWrongType() throws Exception {
        assertRejected(Signer.signed(Signer.body("r-16", Rig.T0 + 60_000, "curtail",
                params().put("kw", "a lot").put("minutes", 5))), "params.kw must be a number");
    }

    @Test
    void paramsThatAreNotAnObject() throws Exception {
        assertRejected(Signer.signed("{\"id\":\"r-17\",\"expires\":" + (Rig.T0 + 60_000)
                + ",\"action\":\"curtail\",\"params\":[900]}"), "params is not a JSON object");
    }

    @Test
    void noKeysConfiguredRejectsEverythingAndSaysWhy() throws Exception {
        rig.requests = new RemoteRequests(new SparkplugTopics("demo-site", "c-01"),
                RequestKeys.parse(), rig.ledger, new RemoteRequests.Services(() -> rig.control, () -> rig.writer,
                        () -> rig.configurations, () -> rig.audit, () -> { }),
                (d, a) -> Optional.empty(), () -> rig.now, rig.replies::add, Runnable::run);
        assertRejected(Signer.signed(curtailBody("r-18", Rig.T0 + 60_000)), "no request keys are configured");
    }
}
