package io.containeredge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.testing.RecordingControlService;
import io.containeredge.http.testing.FakeGuard;
import io.containeredge.http.testing.FakeRequest;
import io.containeredge.http.testing.FakeResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/events}: the events by state with their performance, one event, its CSV, and scheduling and
 * cancelling through the controller's one check (a refusal is a 400 with its reason and changes nothing).
 */
class EventsServletTest {

    private final RecordingControlService control = RecordingControlService.forSite(2200).build();
    private final EventsServlet servlet = new EventsServlet(control, FakeGuard.ADMITS_ALL);

    private FakeResponse send(FakeRequest req) throws IOException {
        FakeResponse resp = new FakeResponse();
        servlet.service(req.remoteUser("tom"), resp);
        return resp;
    }

    private FakeResponse get(String pathInfo) throws IOException {
        return send(new FakeRequest("GET", "/api/v1/events", pathInfo));
    }

    private FakeResponse schedule(String json) throws IOException {
        return send(new FakeRequest("POST", "/api/v1/events", null).json(json));
    }

    @Test
    void theEventsAreListedByStateWithTheirPerformance() throws IOException {
        control.showsGrid(GridFixture.grid());
        FakeResponse resp = get(null);
        assertEquals(200, resp.getStatus(), resp.body());
        JsonNode json = resp.json();
        assertEquals("dr-next", json.at("/upcoming/0/id").asText());
        assertTrue(json.at("/upcoming/0/performance").isNull(), resp.body());
        assertTrue(json.at("/upcoming/0/targetKw").isNull(), "NaN is null: " + resp.body());
        JsonNode active = json.at("/active/0");
        assertEquals("ACTIVE", active.get("state").asText());
        assertEquals(600, active.get("targetKw").asDouble());
        assertEquals(300, active.get("rampSeconds").asLong());
        assertEquals("IMPORT_LIMIT_KW", active.at("/intervals/0/kind").asText());
        assertEquals(430, active.at("/performance/achievedReductionKw").asDouble());
        assertEquals(12.5, active.at("/performance/shortfallKwS").asDouble());
        assertEquals("/api/v1/events/dr-now/performance.csv", active.get("csv").asText());
        JsonNode past = json.at("/past/0");
        assertEquals("AI floors draw 450 kW", past.get("optOut").asText());
        assertTrue(past.at("/performance/baselineKw").isNull(), resp.body());
    }

    @Test
    void oneEventIsFoundByItsIdAndAnUnknownOneIsNotFound() throws IOException {
        control.showsGrid(GridFixture.grid());
        FakeResponse one = get("/dr-past");
        assertEquals(200, one.getStatus(), one.body());
        assertEquals("COMPLETED", one.json().get("state").asText());
        FakeResponse none = get("/dr-unknown");
        assertEquals(404, none.getStatus());
        assertTrue(none.json().get("error").asText().contains("no event 'dr-unknown'"), none.body());
    }

    @Test
    void beforeTheFirstCycleTheListIsUnavailable() throws IOException {
        assertEquals(503, get(null).getStatus());
    }

    @Test
    void theCsvHasAHeaderAndOneLinePerSecondWithAnUnknownImportAndShortfallEmpty() throws IOException {
        control.showsCompliance("dr-now", GridFixture.seconds());
        FakeResponse resp = get("/dr-now/performance.csv");
        assertEquals(200, resp.getStatus(), resp.body());
        assertEquals("text/csv", resp.getContentType());
        assertTrue(resp.getHeader("Content-Disposition").contains("event-dr-now-performance.csv"));
        long s = (GridFixture.NOW - 600_000) / 1000;
        String t = java.time.Instant.ofEpochSecond(s).toString();
        assertEquals(List.of(PerformanceCsv.HEADER,
                t + "," + s + ",1020,1020,1010.25,0,false",
                java.time.Instant.ofEpochSecond(s + 1) + "," + (s + 1) + ",1020,600,,,true",
                java.time.Instant.ofEpochSecond(s + 2) + "," + (s + 2) + ",1020,600,612.346,12.346,true"),
                List.of(resp.body().split("\r\n")));
    }

    @Test
    void theCsvOfAnUnknownEventIsAJson404AndAHostileIdA400() throws IOException {
        FakeResponse none = get("/dr-unknown/performance.csv");
        assertEquals(404, none.getStatus());
        assertEquals("application/json", none.getContentType());
        assertTrue(none.json().get("error").asText().contains("dr-unknown"), none.body());
        for (String hostile : List.of("/..%2F..%2Fetc", "/a\"b/performance.csv", "/-x", "/" + "a".repeat(129))) {
            FakeResponse bad = get(hostile);
            assertEquals(400, bad.getStatus(), hostile);
            assertFalse(bad.body().contains("\""  + hostile.substring(1)), bad.body());
        }
    }

    @Test
    void anEventIsScheduledAsTheCallerWithItsTarget() throws IOException {
        long start = System.currentTimeMillis() + 600_000;
        FakeResponse resp = schedule("{\"id\":\"dr-7\",\"name\":\"Heat wave\",\"start\":" + start
                + ",\"rampMinutes\":5,\"durationMinutes\":60,\"target\":{\"importLimitKw\":600}}");
        assertEquals(201, resp.getStatus(), resp.body());
        assertEquals("UPCOMING", resp.json().get("state").asText());
        assertEquals(List.of("scheduleEvent dr-7 tom@10.0.0.5"), control.calls());
        GridEvent e = control.events().get("dr-7");
        assertEquals("Heat wave", e.name());
        assertEquals(start, e.startMillis());
        assertEquals(start + 3_600_000, e.endMillis());
        assertEquals(300, e.ramp().toSeconds());
        assertEquals(new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 600), e.intervals().get(0).target());
    }

    @Test
    void aReductionFromAnIsoStartIsTakenToo() throws IOException {
        String start = java.time.Instant.ofEpochMilli(System.currentTimeMillis() + 600_000).toString();
        FakeResponse resp = schedule("{\"id\":\"dr-8\",\"start\":\"" + start
                + "\",\"durationMinutes\":30,\"target\":{\"reductionKw\":250.5}}");
        assertEquals(201, resp.getStatus(), resp.body());
        GridEvent e = control.events().get("dr-8");
        assertEquals(new EventTarget(EventTarget.Kind.REDUCTION_KW, 250.5), e.intervals().get(0).target());
        assertEquals(0, e.ramp().toSeconds());
    }

    @Test
    void aBodyOfTheWrongShapeIsA400AnEventTheControllerRefusesA422AndNothingChanges() throws IOException {
        long start = System.currentTimeMillis() + 600_000;
        String ok = "\"start\":" + start + ",\"durationMinutes\":60";
        Map<String, String> shapes = Map.of(
                "{\"id\":\"dr-1\"," + ok + "}", "'target' is required",
                "{\"id\":\"dr-1\"," + ok + ",\"target\":{\"importLimitKw\":600,\"reductionKw\":5}}", "one of",
                "{\"id\":\"dr-1\"," + ok + ",\"target\":{\"limit\":600}}", "unknown field(s) [limit]",
                "{\"id\":\"dr-1\",\"start\":\"tomorrow\",\"durationMinutes\":60,\"target\":{\"reductionKw\":5}}",
                "ISO-8601");
        Map<String, String> refused = Map.of(
                "{\"id\":\"dr-1\"," + ok + ",\"target\":{\"importLimitKw\":5000}}", "import cap 2200 kW",
                "{\"id\":\"dr 1\"," + ok + ",\"target\":{\"importLimitKw\":600}}", "is not 1-128 letters",
                "{\"id\":\"dr-1\",\"start\":" + start + ",\"durationMinutes\":2000,\"target\":{\"reductionKw\":5}}",
                "1 minute to 24 hours",
                "{\"id\":\"dr-1\"," + ok + ",\"rampMinutes\":45,\"target\":{\"reductionKw\":5}}",
                "not within 0 and 30 minutes",
                "{\"id\":\"dr-1\",\"start\":1000,\"durationMinutes\":60,\"target\":{\"reductionKw\":5}}",
                "has ended already");
        assertEachAnswered(shapes, 400);
        assertEachAnswered(refused, 422);
        assertEquals(List.of(), control.calls());
        assertEquals(Map.of(), control.events());
    }

    /** Each body scheduled is answered with {@code status} and a reason that says the case's text. */
    private void assertEachAnswered(Map<String, String> cases, int status) throws IOException {
        for (Map.Entry<String, String> c : cases.entrySet()) {
            FakeResponse resp = schedule(c.getKey());
            assertEquals(status, resp.getStatus(), c.getKey() + " -> " + resp.body());
            assertTrue(resp.body().contains(c.getValue()), c.getKey() + " -> " + resp.body());
        }
    }

    @Test
    void cancellingSaysWhetherThereWasSuchAnEvent() throws IOException {
        long start = System.currentTimeMillis() + 600_000;
        assertEquals(201, schedule("{\"id\":\"dr-9\",\"start\":" + start
                + ",\"durationMinutes\":30,\"target\":{\"reductionKw\":100}}").getStatus());
        FakeResponse cancel = send(new FakeRequest("DELETE", "/api/v1/events", "/dr-9"));
        assertEquals(200, cancel.getStatus(), cancel.body());
        assertTrue(cancel.json().get("cancelled").asBoolean());
        FakeResponse again = send(new FakeRequest("DELETE", "/api/v1/events", "/dr-9"));
        assertFalse(again.json().get("cancelled").asBoolean(), again.body());
        assertEquals(400, send(new FakeRequest("DELETE", "/api/v1/events", "/dr 9")).getStatus());
        assertEquals(404, send(new FakeRequest("DELETE", "/api/v1/events", null)).getStatus());
        assertEquals(List.of("scheduleEvent dr-9 tom@10.0.0.5", "cancelEvent dr-9 tom@10.0.0.5",
                "cancelEvent dr-9 tom@10.0.0.5"), control.calls());
    }
}
