package io.containeredge.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.console.security.ConsoleUser;
import io.containeredge.control.testing.RecordingControlService;
import io.containeredge.http.testing.FakeResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The override endpoints end to end over a fake request: who may act, what is refused, what reaches the controller. */
class OverridesServletTest {

    private final RecordingControlService control = RecordingControlService.forSite(2200).devices("cdu", "battery")
            .build();
    private final OverridesServlet servlet = new OverridesServlet(control);

    private FakeResponse post(String path, ConsoleUser user, String json) throws IOException {
        FakeResponse resp = new FakeResponse();
        servlet.service(ConsoleRequests.post(path, user, json), resp);
        return resp;
    }

    @Test
    void aTechnicianPutsADeviceInMaintenanceAsThemselves() throws IOException {
        FakeResponse resp = post("/maintenance", ConsoleRequests.TECHNICIAN, "{\"device\":\"cdu\",\"minutes\":30}");
        assertEquals(200, resp.getStatus(), resp.body());
        assertEquals(List.of("setMaintenance cdu PT30M console:tom"), control.calls());
        assertTrue(resp.body().contains("\"device\":\"cdu\""), resp.body());
    }

    @Test
    void aViewerOrARequestWithoutUserChangesNothing() throws IOException {
        assertEquals(403, post("/maintenance", ConsoleRequests.VIEWER, "{\"device\":\"cdu\",\"minutes\":10}").getStatus());
        assertEquals(401, post("/maintenance/end", null, null).getStatus());
        assertEquals(List.of(), control.calls());
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsCalled() throws IOException {
        Map<String, String> cases = Map.of(
                "{\"device\":\"cdu\"}", "'minutes' is required",
                "{\"device\":\"cdu\",\"minutes\":10081}", "from 1 to 10080",
                "{\"device\":\"cdu\",\"minutes\":10.5}", "a whole number",
                "{\"device\":5,\"minutes\":10}", "'device'",
                "{\"device\":\"cdu\",\"minutes\":10,\"minute\":5}", "unknown field(s) [minute]",
                "[1,2]", "must be a JSON object",
                "{\"device\":", "not valid JSON");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            FakeResponse resp = post("/maintenance", ConsoleRequests.TECHNICIAN, c.getKey());
            assertEquals(400, resp.getStatus(), c.getKey());
            assertTrue(resp.body().contains(c.getValue()), c.getKey() + " -> " + resp.body());
        }
        assertEquals(List.of(), control.calls());
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() throws IOException {
        String padding = "x".repeat(RequestBodies.ACTION.limit());
        FakeResponse resp = post("/maintenance", ConsoleRequests.TECHNICIAN,
                "{\"device\":\"cdu\",\"minutes\":30,\"pad\":\"" + padding + "\"}");
        assertEquals(413, resp.getStatus());
        assertEquals(List.of(), control.calls());
    }

    @Test
    void whatTheControllerRefusesIsA422WithItsReason() throws IOException {
        FakeResponse device = post("/maintenance", ConsoleRequests.TECHNICIAN, "{\"device\":\"pump-9\",\"minutes\":10}");
        assertEquals(422, device.getStatus());
        assertEquals(List.of(), control.calls());
    }

    @Test
    void endingMaintenanceOfADeviceNotInItIsAConflict() throws IOException {
        assertEquals(200, post("/maintenance", ConsoleRequests.TECHNICIAN, "{\"device\":\"cdu\",\"minutes\":30}")
                .getStatus());
        assertEquals(200, post("/maintenance/end", ConsoleRequests.TECHNICIAN, "{\"device\":\"cdu\"}").getStatus());
        assertEquals(409, post("/maintenance/end", ConsoleRequests.TECHNICIAN, "{\"device\":\"battery\"}").getStatus());
        assertEquals(400, post("/maintenance/end", ConsoleRequests.TECHNICIAN, "{\"device\":\"../etc\"}").getStatus());
    }

    @Test
    void unknownActionsAndMethodsAreRefused() throws IOException {
        assertEquals(404, post("/reboot", ConsoleRequests.TECHNICIAN, "{}").getStatus());
        assertEquals(404, post("/resume", ConsoleRequests.TECHNICIAN, "{}").getStatus(),
                "the import cap is lifted where it is set: DELETE /api/v1/control/import-cap");
        FakeResponse put = new FakeResponse();
        servlet.service(ConsoleRequests.request("PUT", "/maintenance", ConsoleRequests.TECHNICIAN).json("{}"), put);
        assertEquals(405, put.getStatus());
        assertEquals("GET, HEAD, POST", put.getHeader("Allow"));
    }

    @Test
    void aFormPostIsNotJson() throws IOException {
        FakeResponse resp = new FakeResponse();
        servlet.service(ConsoleRequests.request("POST", "/maintenance", ConsoleRequests.TECHNICIAN)
                .body("application/x-www-form-urlencoded", "device=cdu&minutes=10"), resp);
        assertEquals(415, resp.getStatus());
        assertEquals(List.of(), control.calls());
    }
}
