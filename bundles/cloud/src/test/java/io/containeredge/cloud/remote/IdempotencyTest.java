package io.containeredge.cloud.remote;

import static io.containeredge.cloud.remote.Signer.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A repeated id is answered with the stored reply and never executed again, across restarts too. */
class IdempotencyTest extends RigFixture {

    final byte[] curtail = Signer.signed(Signer.body("dr-1", Rig.T0 + 600_000, "curtail",
            params().put("kw", 1500).put("minutes", 30)));

    @Test
    void aRepeatedIdGetsTheStoredReplyAndIsExecutedOnce() throws Exception {
        rig.requests.handle(Rig.COMMAND, curtail);
        JsonNode first = rig.lastReply();
        rig.now += 5_000;
        rig.requests.handle(Rig.COMMAND, curtail);
        JsonNode second = rig.lastReply();

        assertEquals(1, rig.control.calls().size(), "executed once: " + rig.control.calls());
        assertFalse(first.get("replay").asBoolean());
        assertTrue(second.get("replay").asBoolean());
        assertEquals("accepted", second.get("status").asText());
        assertEquals(first.get("result"), second.get("result"));
        assertEquals(first.get("timestamp"), second.get("timestamp"), "the stored reply, not a new one");
        assertEquals("replay", rig.audit.last().outcome());
    }

    @Test
    void theSameIdWithOtherContentIsStillAReplay() throws Exception {
        rig.requests.handle(Rig.COMMAND, curtail);
        rig.requests.handle(Rig.COMMAND, Signer.signed(Signer.body("dr-1", Rig.T0 + 600_000, "curtail",
                params().put("kw", 200).put("minutes", 30))));

        assertEquals(1, rig.control.calls().size());
        assertTrue(rig.lastReply().get("replay").asBoolean());
    }

    @Test
    void aRepeatOfARejectedRequestIsRejectedAgainAsAReplay() throws Exception {
        byte[] bad = Signer.signed(Signer.body("dr-2", Rig.T0 + 600_000, "curtail", params().put("kw", 1500)));
        rig.requests.handle(Rig.COMMAND, bad);
        rig.requests.handle(Rig.COMMAND, bad);

        JsonNode reply = rig.lastReply();
        assertEquals("rejected", reply.get("status").asText());
        assertTrue(reply.get("replay").asBoolean());
        assertTrue(rig.control.calls().isEmpty());
    }

    @Test
    void theLedgerSurvivesARestart() throws Exception {
        rig.requests.handle(Rig.COMMAND, curtail);
        rig.restart();
        rig.requests.handle(Rig.COMMAND, curtail);

        assertEquals(1, rig.control.calls().size());
        JsonNode reply = rig.lastReply();
        assertTrue(reply.get("replay").asBoolean());
        assertEquals("accepted", reply.get("status").asText());
    }

    @Test
    void aRequestCutOffByACrashIsAnsweredInterruptedAndNeverExecuted() throws Exception {
        rig.ledger.claim("dr-1", Rig.T0 + 600_000); // claimed, then the gateway died before answering
        rig.restart();

        rig.requests.handle(Rig.COMMAND, curtail);
        JsonNode reply = rig.lastReply();
        rig.requests.handle(Rig.COMMAND, curtail);

        assertTrue(rig.control.calls().isEmpty());
        assertEquals("failed", reply.get("status").asText());
        assertTrue(reply.get("reason").asText().startsWith("interrupted"), reply.toString());
        assertTrue(reply.get("replay").asBoolean());
        assertEquals(reply.get("reason"), rig.lastReply().get("reason"));
    }

    @Test
    void aRepeatWhileTheFirstIsStillExecutingIsNotExecutedAgain() throws Exception {
        byte[] write = Signer.signed(Signer.body("w-1", Rig.T0 + 600_000, "write",
                params().put("device", "cdu").put("point", "pump_speed_setpoint").put("value", 80)));
        rig.requests.handle(Rig.COMMAND, write);
        rig.requests.handle(Rig.COMMAND, write);

        assertEquals(1, rig.writer.writes.size());
        JsonNode reply = rig.lastReply();
        assertEquals("rejected", reply.get("status").asText());
        assertTrue(reply.get("reason").asText().contains("still being executed"), reply.toString());
        assertTrue(reply.get("replay").asBoolean());
    }

    @Test
    void entriesArePrunedADayAfterTheirExpiry() throws Exception {
        rig.requests.handle(Rig.COMMAND, curtail);
        rig.now = Rig.T0 + 600_000 + RemoteRequests.KEEP_AFTER_EXPIRY.toMillis() + 1;
        rig.requests.handle(Rig.COMMAND, Signer.signed(Signer.body("other", rig.now + 60_000, "reset-trip", null)));

        assertEquals(RequestLedger.State.NEW, rig.ledger.claim("dr-1", rig.now).state());
    }
}
