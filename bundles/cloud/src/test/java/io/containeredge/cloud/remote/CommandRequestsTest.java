package io.containeredge.cloud.remote;

import static io.containeredge.cloud.remote.Signer.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.gateway.api.AuditRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command topic's actions, each reaching the controller exactly as asked. */
class CommandRequestsTest extends RigFixture {

    @Test
    void aValidSignedCurtailOverridesTheImportCapAndIsAccepted() throws Exception {
        JsonNode reply = rig.command("dr-1", "curtail", params().put("kw", 1500).put("minutes", 30));

        assertEquals(List.of("overrideImportCap 1500.0 PT30M mqtt:ops/dr-1"), rig.control.calls());
        assertEquals("dr-1", reply.get("id").asText());
        assertEquals("accepted", reply.get("status").asText());
        assertTrue(reply.get("reason").isNull());
        assertFalse(reply.get("replay").asBoolean());
        assertEquals(1500.0, reply.at("/result/capKw").asDouble());
        assertEquals(Rig.T0 + 30 * 60_000, reply.at("/result/until").asLong());
        assertEquals(Rig.T0, reply.get("timestamp").asLong());
    }

    @Test
    void curtailUntilAnInstantLastsUntilThen() throws Exception {
        rig.command("dr-2", "curtail", params().put("kw", 900).put("until", Rig.T0 + 45 * 60_000));

        assertEquals(List.of("overrideImportCap 900.0 PT45M mqtt:ops/dr-2"), rig.control.calls());
    }

    @Test
    void curtailRefusedByTheControllerIsRejectedWithItsReason() throws Exception {
        JsonNode reply = rig.command("dr-3", "curtail", params().put("kw", 5000).put("minutes", 30));

        assertEquals("rejected", reply.get("status").asText());
        assertTrue(reply.get("reason").asText().contains("at most the site's 2200.0 kW"), reply.toString());
        assertTrue(rig.control.calls().isEmpty());
    }

    @Test
    void curtailNeedsExactlyOneOfMinutesAndUntil() throws Exception {
        JsonNode both = rig.command("dr-4", "curtail", params().put("kw", 900).put("minutes", 5).put("until", Rig.T0 + 1));
        JsonNode neither = rig.command("dr-5", "curtail", params().put("kw", 900));

        assertEquals("rejected", both.get("status").asText());
        assertEquals("rejected", neither.get("status").asText());
        assertTrue(rig.control.calls().isEmpty());
    }

    @Test
    void liftCurtailmentTouchesNothingButTheOverride() throws Exception {
        rig.command("dr-8", "curtail", params().put("kw", 1500).put("minutes", 30));
        JsonNode reply = rig.command("lift-1", "lift-curtailment", null);

        assertEquals(List.of("overrideImportCap 1500.0 PT30M mqtt:ops/dr-8", "liftImportCap mqtt:ops/lift-1"),
                rig.control.calls());
        assertEquals("accepted", reply.get("status").asText());
        assertTrue(reply.at("/result/lifted").asBoolean());
    }

    @Test
    void resetTripIsARemoteResetOfTheThermalTripOnlyTakenAtTheNextCycle() throws Exception {
        JsonNode reply = rig.command("reset-1", "reset-trip", null);

        assertEquals(List.of("requestRemoteReset"), rig.control.calls(), "never the local reset that lifts an e-stop");
        assertEquals("accepted", reply.get("status").asText());
        assertTrue(reply.at("/result/note").asText().contains("next control cycle"), reply.toString());
        assertTrue(reply.at("/result/note").asText().contains("e-stop is reset locally"), reply.toString());
    }

    @Test
    void ackAlarmAcknowledgesAsTheKeyAndAnUnknownAlarmIsRejected() throws Exception {
        assertEquals("accepted", rig.command("ack-1", "ack-alarm", params().put("alarmId", "thermal.supply-trip"))
                .get("status").asText());
        JsonNode unknown = rig.command("ack-2", "ack-alarm", params().put("alarmId", "nope"));

        assertEquals(List.of("acknowledge thermal.supply-trip mqtt:ops", "acknowledge nope mqtt:ops"), rig.control.calls());
        assertEquals("rejected", unknown.get("status").asText());
    }

    @Test
    void maintenanceStartsAndEndsAndAnUnknownDeviceIsRejectedWithTheReason() throws Exception {
        JsonNode on = rig.command("m-1", "maintenance", params().put("device", "battery").put("minutes", 90));
        JsonNode unknown = rig.command("m-2", "maintenance", params().put("device", "pdu-99").put("minutes", 90));
        JsonNode off = rig.command("m-3", "end-maintenance", params().put("device", "battery"));

        assertEquals(List.of("setMaintenance battery PT1H30M mqtt:ops/m-1", "endMaintenance battery mqtt:ops/m-3"),
                rig.control.calls());
        assertEquals("accepted", on.get("status").asText());
        assertEquals(Rig.T0 + 90 * 60_000, on.at("/result/until").asLong());
        assertEquals("rejected", unknown.get("status").asText());
        assertTrue(unknown.get("reason").asText().contains("no device 'pdu-99'"), unknown.toString());
        assertEquals("accepted", off.get("status").asText());
    }

    @Test
    void rebirthAsksTheSessionForBirths() throws Exception {
        assertEquals("accepted", rig.command("rb-1", "rebirth", null).get("status").asText());
        assertEquals(1, rig.rebirths);
    }

    @Test
    void withoutARunningControllerTheCommandIsRejected() throws Exception {
        rig.controllerRunning = false;
        JsonNode reply = rig.command("dr-6", "curtail", params().put("kw", 900).put("minutes", 5));

        assertEquals("rejected", reply.get("status").asText());
        assertEquals("controller not running", reply.get("reason").asText());
    }

    @Test
    void everyRequestIsAuditedWithTheKeyAsActor() throws Exception {
        rig.command("dr-7", "curtail", params().put("kw", 900).put("minutes", 5));
        rig.command("m-4", "maintenance", params().put("device", "pdu-99").put("minutes", 5));

        AuditRecord accepted = rig.audit.records.get(0);
        assertEquals("ops", accepted.actor());
        assertEquals("mqtt", accepted.origin());
        assertEquals("command.curtail", accepted.action());
        assertEquals("import-cap", accepted.target());
        assertEquals("accepted", accepted.outcome());
        AuditRecord rejected = rig.audit.last();
        assertEquals("command.maintenance", rejected.action());
        assertEquals("pdu-99", rejected.target());
        assertEquals("rejected", rejected.outcome());
        assertTrue(rejected.detail().contains("no device 'pdu-99'"), rejected.detail());
    }

    @Test
    void topicsToSubscribeAreCommandConfigAndTheDcmdOfEveryDevice() {
        assertEquals(List.of(Rig.COMMAND, Rig.CONFIG, "spBv1.0/demo-site/DCMD/c-01/+"), rig.requests.topicsToSubscribe());
        assertEquals(Rig.REPLY, rig.requests.replyTopic());
        assertTrue(rig.requests.handles("spBv1.0/demo-site/DCMD/c-01/battery"));
        assertFalse(rig.requests.handles("spBv1.0/demo-site/NCMD/c-01"));
    }
}
