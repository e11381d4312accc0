package io.containeredge.control.openadr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.control.api.ComplianceSecond;
import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.GridStatus;
import io.containeredge.simulator.openadr.VtnEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The VEN against the simulator's VTN over real HTTP: register, poll, schedule, report, cancel, restart. */
class OpenAdrVenTest extends VenAgainstVtn {

    @Test
    void theVenRegistersOnceAndSchedulesAnImportLimitThroughTheController() {
        String id = f.importLimit("ercot-ers", 600, 10, 30);
        assertTrue(f.ven.pollOnce());
        assertTrue(f.ven.pollOnce());
        assertEquals(List.of(VtnFixture.VEN), f.vtn.vens().stream().map(v -> v.get("venName").asText()).toList());
        assertEquals(List.of("scheduleEvent openadr:" + id + " " + f.source()), f.control.calls(),
                "scheduled once: the second poll finds the same version");
        GridEvent e = f.control.events().get("openadr:" + id);
        assertEquals(List.of(new EventInterval(f.at(10).toEpochMilli(), f.at(40).toEpochMilli(),
                new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 600))), e.intervals());
        assertEquals(VtnFixture.NOW, e.notifiedMillis());
        assertEquals(Duration.ZERO, e.ramp());
        assertEquals("limit 600.0", e.name());
    }

    @Test
    void aRevisedEventIsScheduledAgainWithItsFirstNotificationTime() {
        String id = f.importLimit("ercot-ers", 600, 10, 30);
        f.ven.pollOnce();
        f.advance(Duration.ofMinutes(2));
        f.vtn.update(id, VtnEvents.importLimit(f.vtn.program("ercot-ers"),
                "revised", 500, f.at(10), Duration.ofMinutes(30)));
        f.ven.pollOnce();
        assertEquals(2, f.control.calls().size(), f.control.calls()::toString);
        GridEvent e = f.control.events().get("openadr:" + id);
        assertEquals(500, e.intervals().get(0).target().value());
        assertEquals(VtnFixture.NOW, e.notifiedMillis(), "the baseline stays the one before the first notice");
    }

    @Test
    void anEventCancelledAtTheVtnIsCancelledInTheController() {
        String id = f.importLimit("ercot-ers", 600, 10, 30);
        f.ven.pollOnce();
        assertTrue(f.vtn.cancel(id));
        f.ven.pollOnce();
        assertEquals(List.of("scheduleEvent openadr:" + id + " " + f.source(),
                "cancelEvent openadr:" + id + " " + f.source()), f.control.calls());
        assertTrue(f.control.events().isEmpty());
    }

    @Test
    void duringAndAfterAnEventTheMeasuredLoadIsReportedPerInterval() {
        String id = f.importLimit("ercot-ers", 600, 1, 3);
        f.ven.pollOnce();
        long start = f.at(1).getEpochSecond();
        List<ComplianceSecond> rows = new ArrayList<>();
        for (long s = start; s < start + 180; s++) {
            // the second minute has no good reading in its first half
            double kw = s - start >= 60 && s - start < 90 ? Double.NaN : s - start < 60 ? 590 : 610;
            rows.add(new ComplianceSecond(s, 1000, 600, kw, Math.max(0, kw - 600), true));
        }
        f.control.showsCompliance("openadr:" + id, rows);
        f.advance(Duration.ofSeconds(60 + 150));
        f.ven.pollOnce();
        assertEquals(1, f.vtn.reports().size());
        JsonNode r = f.vtn.reports().get(0);
        assertEquals(id, r.get("eventID").asText());
        assertEquals(f.vtn.program("ercot-ers"), r.get("programID").asText());
        assertEquals(VtnFixture.VEN, r.get("clientName").asText());
        JsonNode intervals = r.at("/resources/0/intervals");
        assertEquals("AGGREGATED_REPORT", r.at("/resources/0/resourceName").asText());
        assertEquals(2, intervals.size(), "two complete minutes");
        assertEquals(f.at(1).toString(), intervals.get(0).at("/intervalPeriod/start").asText());
        assertEquals("PT1M", intervals.get(0).at("/intervalPeriod/duration").asText());
        assertEquals("DEMAND", intervals.get(0).at("/payloads/0/type").asText());
        assertEquals(590, intervals.get(0).at("/payloads/0/values/0").asDouble(), 1e-9);
        assertEquals("USAGE", intervals.get(0).at("/payloads/1/type").asText());
        assertEquals(590 / 60.0, intervals.get(0).at("/payloads/1/values/0").asDouble(), 1e-3);
        assertEquals(610, intervals.get(1).at("/payloads/0/values/0").asDouble(), 1e-9, "the good seconds only");
        f.ven.pollOnce();
        assertEquals(1, f.vtn.reports().size(), "nothing new to report");
        f.advance(Duration.ofMinutes(1));
        f.ven.pollOnce();
        assertEquals(2, f.vtn.reports().size(), "the last minute, after the event");
        assertEquals(f.at(3).toString(), f.vtn.reports().get(1).at("/resources/0/intervals/0/intervalPeriod/start")
                .asText());
        f.advance(Duration.ofMinutes(5));
        f.ven.pollOnce();
        assertEquals(2, f.vtn.reports().size(), "done once the event is reported to its end");
    }

    @Test
    void anEventTheControllerRefusesChangesNothingAndIsReportedAsAnOptOut() {
        String id = f.importLimit("ercot-ers", 5000, 10, 30);
        f.ven.pollOnce();
        f.ven.pollOnce();
        assertEquals(List.of(), f.control.calls());
        assertEquals(1, f.vtn.reports().size(), "reported once");
        JsonNode r = f.vtn.reports().get(0);
        assertEquals(id, r.get("eventID").asText());
        JsonNode payloads = r.at("/resources/0/intervals/0/payloads");
        assertEquals("OPERATING_STATE", payloads.get(0).get("type").asText());
        assertEquals("RUNNING_OPTED_OUT", payloads.get(0).at("/values/0").asText());
        assertTrue(payloads.get(1).at("/values/0").asText().contains("import cap"), payloads::toString);
    }

    @Test
    void onlyTheProgramsTheSiteNamesAreFollowed() {
        f.close();
        f = new VtnFixture(data, List.of("ercot-ers"));
        String followed = f.importLimit("ercot-ers", 600, 10, 30);
        f.importLimit("someone-else", 600, 10, 30);
        f.ven.pollOnce();
        assertEquals(List.of("scheduleEvent openadr:" + followed + " " + f.source()), f.control.calls());
    }

    @Test
    void anEventForOtherVensIsLeftAlone() throws Exception {
        ObjectNode e = VtnEvents.importLimit(
                f.vtn.program("p"), "theirs", 600, f.at(10), Duration.ofMinutes(30));
        e.putArray("targets").addObject().put("type", "VEN_NAME").putArray("values").add("c-02");
        f.vtn.publish(e);
        f.ven.pollOnce();
        assertEquals(List.of(), f.control.calls());
    }

    @Test
    void aRestartedVenKeepsWhatItScheduledAndCancelsWhatTheVtnDroppedMeanwhile() {
        String kept = f.importLimit("ercot-ers", 600, 10, 30);
        String dropped = f.importLimit("ercot-ers", 700, 50, 30);
        f.ven.pollOnce();
        f.ven.close();
        f.vtn.cancel(dropped);
        f.ven = f.newVen();
        f.ven.pollOnce();
        assertEquals(List.of("scheduleEvent openadr:" + kept + " " + f.source(),
                "scheduleEvent openadr:" + dropped + " " + f.source(),
                "cancelEvent openadr:" + dropped + " " + f.source()), f.control.calls());
        assertEquals(1, f.vtn.vens().size(), "the VEN's id is remembered");
    }

    @Test
    void aStartRandomisedByTheVtnMovesTheEventTheSameWayOnEveryPollAndRestart() {
        ObjectNode e = VtnEvents.importLimit(
                f.vtn.program("p"), "random", 600, f.at(10), Duration.ofMinutes(30));
        ((ObjectNode) e.get("intervalPeriod")).put("randomizeStart", "PT5M");
        String id = f.vtn.publish(e);
        f.ven.pollOnce();
        GridEvent first = f.control.events().get("openadr:" + id);
        long shift = first.startMillis() - f.at(10).toEpochMilli();
        assertTrue(shift >= 0 && shift <= Duration.ofMinutes(5).toMillis(), "shift " + shift);
        assertEquals(Duration.ofMinutes(30).toMillis(), first.endMillis() - first.startMillis());
        long again = new EventMapper(VtnFixture.VEN, f.source()).randomOffset(id, Duration.ofMinutes(5));
        assertEquals(shift, again, "a restart computes the same offset");
        assertFalse(new EventMapper("c-02", f.source()).randomOffset(id, Duration.ofMinutes(5)) == shift
                && new EventMapper("c-03", f.source()).randomOffset(id, Duration.ofMinutes(5)) == shift,
                "other VENs start at other times");
    }

    @Test
    void aFlexAlertHoldsThePeakCapThroughItsWindowAndIsLiftedWhenCancelled() {
        ObjectNode e = VtnEvents.importLimit(
                f.vtn.program("cp"), "flex alert", 0, f.at(1), Duration.ofMinutes(60));
        e.remove("payloadDescriptors");
        ObjectNode payload = (ObjectNode) e
                .at("/intervals/0/payloads/0");
        payload.put("type", "ALERT_FLEX_ALERT");
        payload.putArray("values").add("conserve power 19:00-20:00");
        String id = f.vtn.publish(e);
        f.ven.pollOnce();
        assertEquals(List.of(), f.control.calls(), "not yet in its window");
        f.advance(Duration.ofMinutes(2));
        f.ven.pollOnce();
        f.ven.pollOnce();
        assertEquals(List.of("setPeakAlert true " + f.at(61).toEpochMilli() + " " + f.source()), f.control.calls());
        f.vtn.cancel(id);
        f.ven.pollOnce();
        assertEquals("setPeakAlert false 0 " + f.source(), f.control.calls().get(1));
    }

    @Test
    void whenTheControllerSaysTheContainerCannotMeetAnEventTheVtnIsToldOnce() {
        String id = f.importLimit("ercot-ers", 100, 10, 30);
        f.ven.pollOnce();
        GridEvent e = f.control.events().get("openadr:" + id);
        for (String reason : List.of("the AI floors and auxiliaries draw 212 kW, above the 100 kW limit",
                "the AI floors and auxiliaries draw 215 kW, above the 100 kW limit")) {
            f.control.showsGrid(new GridStatus(VtnFixture.NOW, Optional.empty(), Optional.empty(), List.of(
                    new GridEventStatus(e, GridEventStatus.State.UPCOMING, Double.NaN, "", reason, null)),
                    Optional.empty()));
            f.ven.pollOnce();
        }
        assertEquals(1, f.vtn.reports().size(), "once per event");
        JsonNode payloads = f.vtn.reports().get(0).at("/resources/0/intervals/0/payloads");
        assertEquals("RUNNING_OPTED_OUT", payloads.at("/0/values/0").asText());
        assertEquals("the AI floors and auxiliaries draw 212 kW, above the 100 kW limit",
                payloads.at("/1/values/0").asText());
        assertEquals(f.at(10).toString(), f.vtn.reports().get(0).at("/resources/0/intervals/0/intervalPeriod/start")
                .asText());
    }

    @Test
    void aReportTheVtnRefusesIsDroppedAndThePollsGoOn() {
        f.vtn.refuseReports(true);
        String refused = f.importLimit("ercot-ers", 5000, 10, 30);
        assertTrue(f.ven.pollOnce(), "the opt-out of " + refused + " is refused, the poll is not");
        String taken = f.importLimit("ercot-ers", 600, 10, 30);
        assertTrue(f.ven.pollOnce());
        assertEquals(Duration.ofSeconds(1), f.ven.nextDelay());
        assertEquals(List.of("scheduleEvent openadr:" + taken + " " + f.source()), f.control.calls());
        f.vtn.refuseReports(false);
        f.ven.pollOnce();
        assertEquals(List.of(), f.vtn.reports(), "not sent again");
    }

    @Test
    void anEventBeyondTheControllersLeadTimeIsScheduledOnceItIsWithinIt() {
        String id = f.importLimit("ercot-ers", 600, (int) Duration.ofDays(8).toMinutes(), 30);
        f.ven.pollOnce();
        assertEquals(List.of(), f.control.calls());
        assertEquals(List.of(), f.vtn.reports(), "not an opt-out: it is only early");
        f.advance(Duration.ofDays(2));
        f.ven.pollOnce();
        assertEquals(List.of("scheduleEvent openadr:" + id + " " + f.source()), f.control.calls());
    }
}
