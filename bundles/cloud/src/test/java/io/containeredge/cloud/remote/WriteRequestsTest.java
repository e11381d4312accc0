package io.containeredge.cloud.remote;

import static io.containeredge.cloud.remote.Signer.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code write}: through the device writer, answered once the device acknowledged. */
class WriteRequestsTest extends RigFixture {

    void sendWrite(String id, Object value) {
        var p = params().put("device", "cdu").put("point", "pump_speed_setpoint");
        p.set("value", Signer.JSON.valueToTree(value));
        rig.requests.handle(Rig.COMMAND, Signer.signed(Signer.body(id, Rig.T0 + 600_000, "write", p)));
    }

    @Test
    void theReplyComesOnlyWhenTheDeviceAcknowledged() throws Exception {
        sendWrite("w-1", 80);

        assertEquals(1, rig.writer.writes.size());
        FakeWriter.Pending w = rig.writer.writes.get(0);
        assertEquals("cdu", w.device());
        assertEquals("pump_speed_setpoint", w.point());
        assertEquals(80, ((Number) w.value()).intValue());
        assertTrue(rig.replies.isEmpty(), "no reply before the acknowledgement");

        rig.now += 300;
        w.ack().complete(null);

        JsonNode reply = rig.lastReply();
        assertEquals("accepted", reply.get("status").asText());
        assertEquals("w-1", reply.get("id").asText());
        assertEquals(Rig.T0 + 300, reply.get("timestamp").asLong());
        assertTrue(reply.at("/result/writes/0/ok").asBoolean());
        assertEquals("cdu/pump_speed_setpoint", rig.audit.last().target());
    }

    @Test
    void aFailedWriteIsAnsweredFailedWithTheDevicesReason() throws Exception {
        sendWrite("w-2", 180);
        rig.writer.writes.get(0).ack().completeExceptionally(
                new IllegalArgumentException("cdu/pump_speed_setpoint: 180 is above the point's max 100"));

        JsonNode reply = rig.lastReply();
        assertEquals("failed", reply.get("status").asText());
        assertTrue(reply.get("reason").asText().contains("above the point's max 100"), reply.toString());
        assertEquals("failed", rig.audit.last().outcome());
    }

    @Test
    void theOutcomeIsStoredSoARepeatAfterTheAcknowledgementIsAReplay() throws Exception {
        sendWrite("w-3", 70);
        rig.writer.writes.get(0).ack().complete(null);
        sendWrite("w-3", 70);

        assertEquals(1, rig.writer.writes.size());
        assertTrue(rig.lastReply().get("replay").asBoolean());
        assertEquals("accepted", rig.lastReply().get("status").asText());
    }

    @Test
    void aValueThatIsNeitherNumberBooleanNorLabelIsRejectedUnwritten() throws Exception {
        sendWrite("w-4", java.util.List.of(1, 2));

        assertTrue(rig.writer.writes.isEmpty());
        assertEquals("rejected", rig.lastReply().get("status").asText());
    }

    @Test
    void withoutTheGatewaysWriterTheWriteIsRejected() throws Exception {
        rig.controllerRunning = false;
        sendWrite("w-5", 70);

        assertEquals("rejected", rig.lastReply().get("status").asText());
        assertTrue(rig.lastReply().get("reason").asText().contains("not available"));
    }
}
