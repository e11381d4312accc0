package io.containeredge.cloud.remote;

import static io.containeredge.cloud.remote.Signer.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.GridEvent;
import io.containeredge.gateway.api.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code event.schedule}, {@code event.cancel} and {@code peak.alert}: read strictly, handed to the controller in the
 * signed requests' id namespace with the request as their source, audited; what the controller refuses is rejected
 * with its reason and changes nothing.
 */
class EventRequestsTest extends RigFixture {

    private static final long MIN = 60_000;

    private static ObjectNode limitIn10Minutes() {
        return params().put("id", "dr-7").put("name", "Heat wave").put("start", Rig.T0 + 10 * MIN)
                .put("rampMinutes", 5).put("durationMinutes", 60).put("importLimitKw", 600);
    }

    @Test
    void anEventIsScheduledInTheMqttNamespaceWithTheRequestAsItsSource() throws Exception {
        JsonNode reply = rig.command("e-1", "event.schedule", limitIn10Minutes());

        assertEquals("accepted", reply.get("status").asText(), reply.toString());
        assertEquals("mqtt:dr-7", reply.at("/result/id").asText());
        assertEquals("UPCOMING", reply.at("/result/state").asText());
        assertEquals("", reply.at("/result/optOut").asText());
        assertEquals(List.of("scheduleEvent mqtt:dr-7 mqtt:ops/e-1"), rig.control.calls());
        assertEquals(new GridEvent("mqtt:dr-7", "mqtt:ops/e-1", "Heat wave", Rig.T0, Duration.ofMinutes(5),
                List.of(new EventInterval(Rig.T0 + 10 * MIN, Rig.T0 + 70 * MIN,
                        new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 600)))),
                rig.control.events().get("mqtt:dr-7"));
        AuditRecord a = rig.audit.last();
        assertEquals("command.event.schedule", a.action());
        assertEquals("event dr-7", a.target());
        assertEquals("accepted", a.outcome());
    }

    @Test
    void aReductionFromAnIsoStartWithoutRampOrNameIsTaken() throws Exception {
        ObjectNode p = params().put("id", "dr-8").put("start", Instant.ofEpochMilli(Rig.T0 + MIN).toString())
                .put("durationMinutes", 30).put("reductionKw", 250.5);
        assertEquals("accepted", rig.command("e-2", "event.schedule", p).get("status").asText());
        GridEvent e = rig.control.events().get("mqtt:dr-8");
        assertEquals("mqtt:dr-8", e.name());
        assertEquals(Duration.ZERO, e.ramp());
        assertEquals(new EventTarget(EventTarget.Kind.REDUCTION_KW, 250.5), e.intervals().get(0).target());
    }

    @Test
    void anEventTheControllerRefusesIsRejectedWithItsReason() throws Exception {
        assertRejected(rig.command("e-3", "event.schedule", limitIn10Minutes().put("importLimitKw", 5000)),
                "not within 0 and the site's import cap 2200 kW");
        assertRejected(rig.command("e-4", "event.schedule", limitIn10Minutes().put("durationMinutes", 0.5)),
                "lasts 30 s (1 minute to 24 hours)");
        assertRejected(rig.command("e-5", "event.schedule", limitIn10Minutes().put("id", "dr 7")),
                "is not 1-128 letters");
        assertEquals(Map.of(), rig.control.events());
    }

    @Test
    void paramsOfTheWrongShapeAreRejectedNamingThem() throws Exception {
        assertRejected(rig.command("e-6", "event.schedule", limitIn10Minutes().put("reductionKw", 100)),
                "give params.importLimitKw or params.reductionKw (kW), one of them");
        assertRejected(rig.command("e-7", "event.schedule", limitIn10Minutes().put("priority", 1)),
                "params.priority is not a field of event.schedule");
        assertRejected(rig.command("e-8", "event.schedule", limitIn10Minutes().put("start", "soon")),
                "params.start must be epoch milliseconds or an ISO-8601 time");
        assertRejected(rig.command("e-9", "event.schedule", limitIn10Minutes().put("importLimitKw", "600")),
                "params.importLimitKw must be a number");
        assertRejected(rig.command("e-10", "peak.alert", params().put("on", "yes")), "params.on must be true or false");
    }

    @Test
    void anEventIsCancelledByItsIdAndAnUnknownOneIsRejected() throws Exception {
        rig.command("e-11", "event.schedule", limitIn10Minutes());
        JsonNode cancel = rig.command("e-12", "event.cancel", params().put("id", "dr-7"));
        assertEquals("accepted", cancel.get("status").asText(), cancel.toString());
        assertEquals("mqtt:dr-7", cancel.at("/result/id").asText());
        JsonNode again = rig.command("e-13", "event.cancel", params().put("id", "mqtt:dr-7"));
        assertEquals("rejected", again.get("status").asText(), again.toString());
        assertTrue(again.get("reason").asText().contains("no upcoming or active event mqtt:dr-7"), again.toString());
        assertEquals(List.of("scheduleEvent mqtt:dr-7 mqtt:ops/e-11", "cancelEvent mqtt:dr-7 mqtt:ops/e-12",
                "cancelEvent mqtt:dr-7 mqtt:ops/e-13"), rig.control.calls());
    }

    @Test
    void thePeakAlertIsSwitchedOnForSomeMinutesAndOff() throws Exception {
        JsonNode on = rig.command("e-14", "peak.alert", params().put("on", true).put("minutes", 90));
        assertEquals("accepted", on.get("status").asText(), on.toString());
        assertEquals(Rig.T0 + 90 * MIN, on.at("/result/until").asLong());
        rig.command("e-15", "peak.alert", params().put("on", false));
        assertEquals(List.of("setPeakAlert true " + (Rig.T0 + 90 * MIN) + " mqtt:ops/e-14",
                "setPeakAlert false 0 mqtt:ops/e-15"), rig.control.calls());
        assertEquals("peak-alert", rig.audit.last().target());
    }

    @Test
    void aPeakAlertTheControllerRefusesIsRejectedWithItsReason() throws Exception {
        rig.control.withoutPeakWindows();
        assertRejected(rig.command("e-16", "peak.alert", params().put("on", true).put("minutes", 60)),
                "the site configures no peak windows");
    }
}
