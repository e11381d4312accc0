package io.containeredge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.testing.RecordingControlService;
import io.containeredge.http.testing.FakeGuard;
import io.containeredge.http.testing.FakeRequest;
import io.containeredge.http.testing.FakeResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The control endpoints take changes from any address (the security filter in front decides who may)
 * and name the authenticated caller in what they hand to the controller.
 */
class ControlServletTest {

    private final RecordingControlService control = RecordingControlService.forSite(2200).activeAlarms("comm.cdu")
            .build();
    private int status;
    private String body;

    @Test
    void aChangeFromAnotherMachineIsTakenAndCarriesTheUsersName() throws Exception {
        post("/alarms/ack", Map.of("id", "comm.cdu"), "alice", "10.20.30.40");
        assertEquals(200, status);
        assertEquals("acknowledge comm.cdu alice@10.20.30.40", control.calls().get(0));
        assertTrue(body.contains("\"by\":\"alice@10.20.30.40\""));

        send(new FakeRequest("POST", "/api/v1/control", "/import-cap").remoteUser("scada").from("192.168.7.2")
                .json("{\"kw\":150,\"minutes\":10}"));
        assertEquals(200, status);
        assertEquals("overrideImportCap 150.0 PT10M scada@192.168.7.2", control.calls().get(1));

        post("/reset", Map.of(), "bob", "10.20.30.41");
        assertEquals(202, status);
        assertEquals("requestReset", control.calls().get(2));
    }

    @Test
    void withoutALoggedInUserTheCallerIsNamedByAddressOnly() throws Exception {
        post("/alarms/ack", Map.of("id", "comm.cdu"), null, "127.0.0.1");
        assertEquals("acknowledge comm.cdu api@127.0.0.1", control.calls().get(0));
    }

    @Test
    void theStatusSaysTheImportAllowedAndTheBatterySetpointCommandedAndNullWhereThereIsNone() throws Exception {
        control.shows(statusWith(1500, -48.5));
        request("GET", "/", Map.of(), "alice", "127.0.0.1");
        assertEquals(200, status);
        JsonNode json = new ObjectMapper().readTree(body);
        assertEquals(1500.0, json.get("allowedImportKw").asDouble());
        assertEquals(-48.5, json.get("batterySetpointKw").asDouble());

        control.shows(statusWith(Double.NaN, Double.NaN));
        request("GET", "/", Map.of(), "alice", "127.0.0.1");
        json = new ObjectMapper().readTree(body);
        assertTrue(json.get("allowedImportKw").isNull(), json.toString());
        assertTrue(json.get("batterySetpointKw").isNull(), json.toString());
    }

    private static ControlStatus statusWith(double allowedImportKw, double batterySetpointKw) {
        return new ControlStatus(1_000, "NORMAL", 1400, false, "power: import within cap", 1400, 1380,
                allowedImportKw, batterySetpointKw, 230, 240, 0, 10, 0, 2.0, List.of(), List.of(), List.of());
    }

    private void post(String pathInfo, Map<String, String> parameters, String user, String address) throws Exception {
        request("POST", pathInfo, parameters, user, address);
    }

    private void request(String method, String pathInfo, Map<String, String> parameters, String user, String address)
            throws Exception {
        FakeRequest req = new FakeRequest(method, "/api/v1/control", pathInfo).remoteUser(user).from(address);
        parameters.forEach(req::parameter);
        send(req);
    }

    private void send(FakeRequest req) throws Exception {
        FakeResponse resp = new FakeResponse();
        new ControlServlet(control, FakeGuard.ADMITS_ALL).service(req, resp);
        status = resp.getStatus();
        body = resp.body();
    }
}
