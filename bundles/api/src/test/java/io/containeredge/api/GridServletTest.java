package io.containeredge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.control.testing.RecordingControlService;
import io.containeredge.http.testing.FakeGuard;
import io.containeredge.http.testing.FakeRequest;
import io.containeredge.http.testing.FakeResponse;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/grid}: the frequency guard, the peak windows and what binds; the peak alert switched on and off. */
class GridServletTest {

    private final RecordingControlService control = RecordingControlService.forSite(2200).build();
    private final GridServlet servlet = new GridServlet(control, FakeGuard.ADMITS_ALL);

    private FakeResponse send(FakeRequest req) throws IOException {
        FakeResponse resp = new FakeResponse();
        servlet.service(req.remoteUser("tom"), resp);
        return resp;
    }

    private FakeResponse alert(String json) throws IOException {
        return send(new FakeRequest("POST", "/api/v1/grid", "/peak-alert").json(json));
    }

    @Test
    void theGuardThePeaksTheBindingAndTheEventsAreShown() throws IOException {
        control.showsGrid(GridFixture.grid());
        FakeResponse resp = send(new FakeRequest("GET", "/api/v1/grid", null));
        assertEquals(200, resp.getStatus(), resp.body());
        JsonNode json = resp.json();
        assertEquals("NORMAL", json.at("/frequency/state").asText());
        assertEquals(59.98, json.at("/frequency/hz").asDouble());
        assertTrue(json.at("/peaks/alert").asBoolean());
        assertEquals(800, json.at("/peaks/capKw").asDouble());
        assertEquals("event dr-now: import limit 600 kW", json.get("binding").asText());
        assertEquals(3, json.get("events").size());
    }

    @Test
    void aSiteWithoutGuardOrPeaksShowsThemNullAndBeforeTheFirstCycleItIsUnavailable() throws IOException {
        assertEquals(503, send(new FakeRequest("GET", "/api/v1/grid", null)).getStatus());
        control.showsGrid(new io.containeredge.control.api.GridStatus(1, java.util.Optional.empty(),
                java.util.Optional.empty(), List.of(), java.util.Optional.empty()));
        JsonNode json = send(new FakeRequest("GET", "/api/v1/grid", null)).json();
        assertTrue(json.get("frequency").isNull() && json.get("peaks").isNull() && json.get("binding").isNull(),
                json.toString());
        assertEquals(404, send(new FakeRequest("GET", "/api/v1/grid", "/x")).getStatus());
    }

    @Test
    void theAlertIsSwitchedOnForSomeMinutesAndOff() throws IOException {
        long before = System.currentTimeMillis();
        FakeResponse on = alert("{\"on\":true,\"minutes\":120}");
        assertEquals(200, on.getStatus(), on.body());
        long until = on.json().get("untilMillis").asLong();
        assertTrue(until >= before + 7_200_000 && until <= System.currentTimeMillis() + 7_200_000, on.body());
        assertEquals(200, alert("{\"on\":false}").getStatus());
        assertEquals(List.of("setPeakAlert true " + until + " tom@10.0.0.5", "setPeakAlert false 0 tom@10.0.0.5"),
                control.calls());
    }

    @Test
    void aWrongBodyIsA400AnAlertTheControllerRefusesA422AndNothingChanges() throws IOException {
        assertTrue(alert("{\"on\":\"yes\"}").body().contains("'on' is required"));
        assertTrue(alert("{\"on\":true}").body().contains("'minutes' is required"));
        FakeResponse tooLong = alert("{\"on\":true,\"minutes\":1500}");
        assertEquals(422, tooLong.getStatus());
        assertTrue(tooLong.body().contains("within the next 24 hours"), tooLong.body());
        control.withoutPeakWindows();
        FakeResponse none = alert("{\"on\":false}");
        assertEquals(422, none.getStatus());
        assertTrue(none.body().contains("no peak windows"), none.body());
        assertEquals(List.of(), control.calls());
        assertEquals(404, send(new FakeRequest("POST", "/api/v1/grid", "/alert").json("{}")).getStatus());
    }
}
