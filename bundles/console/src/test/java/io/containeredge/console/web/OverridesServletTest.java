package io.containeredge.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.console.security.ConsoleUser;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The override endpoints end to end over a fake request: who may act, what is refused, what reaches the controller. */
class OverridesServletTest {

    private final RecordingControl control = new RecordingControl();
    private final OverridesServlet servlet = new OverridesServlet(control);

    private FakeHttp.Response post(String path, ConsoleUser user, String json) throws IOException {
        FakeHttp.Response resp = new FakeHttp.Response();
        servlet.service(FakeHttp.post(path, user, json), resp.proxy());
        return resp;
    }

    @Test
    void aTechnicianPutsADeviceInMaintenanceAsThemselves() throws IOException {
        FakeHttp.Response resp = post("/maintenance", FakeHttp.TECHNICIAN, "{\"device\":\"cdu\",\"minutes\":30}");
        assertEquals(200, resp.status, resp.text());
        assertEquals(List.of("maintenance cdu 30 console:tom"), control.calls);
        assertTrue(resp.text().contains("\"device\":\"cdu\""), resp.text());
    }

    @Test
    void aViewerOrARequestWithoutUserChangesNothing() throws IOException {
        assertEquals(403, post("/curtail", FakeHttp.VIEWER, "{\"kw\":1000,\"minutes\":10}").status);
        assertEquals(401, post("/curtail", null, "{\"kw\":1000,\"minutes\":10}").status);
        assertEquals(List.of(), control.calls);
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsCalled() throws IOException {
        Map<String, String> cases = Map.of(
                "{\"kw\":1000}", "'minutes' is required",
                "{\"kw\":-5,\"minutes\":10}", "'kw' is required: a number above 0",
                "{\"kw\":1000,\"minutes\":1441}", "from 1 to 1440",
                "{\"kw\":1000,\"minutes\":10.5}", "a whole number",
                "{\"kw\":\"1000\",\"minutes\":10}", "'kw'",
                "{\"kw\":1000,\"minutes\":10,\"minute\":5}", "unknown field(s) [minute]",
                "[1,2]", "must be a JSON object",
                "{\"kw\":", "not valid JSON");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            FakeHttp.Response resp = post("/curtail", FakeHttp.TECHNICIAN, c.getKey());
            assertEquals(400, resp.status, c.getKey());
            assertTrue(resp.text().contains(c.getValue()), c.getKey() + " -> " + resp.text());
        }
        assertEquals(List.of(), control.calls);
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() throws IOException {
        String padding = "x".repeat(JsonBody.ACTION_LIMIT);
        FakeHttp.Response resp = post("/maintenance", FakeHttp.TECHNICIAN,
                "{\"device\":\"cdu\",\"minutes\":30,\"pad\":\"" + padding + "\"}");
        assertEquals(413, resp.status);
        assertEquals(List.of(), control.calls);
    }

    @Test
    void whatTheControllerRefusesIsA422WithItsReason() throws IOException {
        FakeHttp.Response cap = post("/curtail", FakeHttp.TECHNICIAN, "{\"kw\":5000,\"minutes\":10}");
        assertEquals(422, cap.status);
        assertTrue(cap.text().contains("above the site's"), cap.text());
        FakeHttp.Response device = post("/maintenance", FakeHttp.TECHNICIAN, "{\"device\":\"pump-9\",\"minutes\":10}");
        assertEquals(422, device.status);
        assertEquals(List.of(), control.calls);
    }

    @Test
    void curtailThenResumeSaysThatSafetyLimitsStay() throws IOException {
        assertEquals(200, post("/curtail", FakeHttp.TECHNICIAN, "{\"kw\":1200.5,\"minutes\":60}").status);
        FakeHttp.Response resume = post("/resume", FakeHttp.TECHNICIAN, null);
        assertEquals(200, resume.status, resume.text());
        assertTrue(resume.text().contains("\"lifted\":true"), resume.text());
        assertTrue(resume.text().contains("thermal trip"), resume.text());
        assertEquals(List.of("cap 1200.5 60 console:tom", "lift console:tom"), control.calls);
    }

    @Test
    void endingMaintenanceOfADeviceNotInItIsAConflict() throws IOException {
        assertEquals(200, post("/maintenance/end", FakeHttp.TECHNICIAN, "{\"device\":\"cdu\"}").status);
        assertEquals(409, post("/maintenance/end", FakeHttp.TECHNICIAN, "{\"device\":\"battery\"}").status);
        assertEquals(400, post("/maintenance/end", FakeHttp.TECHNICIAN, "{\"device\":\"../etc\"}").status);
    }

    @Test
    void unknownActionsAndMethodsAreRefused() throws IOException {
        assertEquals(404, post("/reboot", FakeHttp.TECHNICIAN, "{}").status);
        FakeHttp.Response put = new FakeHttp.Response();
        servlet.service(FakeHttp.request("PUT", "/curtail", FakeHttp.TECHNICIAN, "application/json", "{}", Map.of()),
                put.proxy());
        assertEquals(405, put.status);
        assertEquals("GET, HEAD, POST", put.headers.get("Allow"));
    }

    @Test
    void aFormPostIsNotJson() throws IOException {
        FakeHttp.Response resp = new FakeHttp.Response();
        servlet.service(FakeHttp.request("POST", "/curtail", FakeHttp.TECHNICIAN, "application/x-www-form-urlencoded",
                "kw=1&minutes=10", Map.of()), resp.proxy());
        assertEquals(415, resp.status);
        assertEquals(List.of(), control.calls);
    }
}
