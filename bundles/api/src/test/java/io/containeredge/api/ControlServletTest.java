package io.containeredge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.ControlStatus;
import io.containeredge.control.testing.RecordingControlService;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @Test
    void aChangeFromAnotherMachineIsTakenAndCarriesTheUsersName() throws Exception {
        post("/alarms/ack", Map.of("id", "comm.cdu"), "alice", "10.20.30.40");
        assertEquals(200, status);
        assertEquals("acknowledge comm.cdu alice@10.20.30.40", control.calls().get(0));
        assertTrue(body.toString(StandardCharsets.UTF_8).contains("\"by\":\"alice@10.20.30.40\""));

        post("/import-cap", Map.of("kw", "150", "minutes", "10"), "scada", "192.168.7.2");
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
        JsonNode json = new ObjectMapper().readTree(body.toByteArray());
        assertEquals(1500.0, json.get("allowedImportKw").asDouble());
        assertEquals(-48.5, json.get("batterySetpointKw").asDouble());

        control.shows(statusWith(Double.NaN, Double.NaN));
        request("GET", "/", Map.of(), "alice", "127.0.0.1");
        json = new ObjectMapper().readTree(body.toByteArray());
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
        Map<String, Object> answers = new HashMap<>();
        answers.put("getMethod", method);
        answers.put("getPathInfo", pathInfo);
        answers.put("getRemoteUser", user);
        answers.put("getRemoteAddr", address);
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> {
                    if (m.getName().equals("getParameter")) {
                        return parameters.get((String) args[0]);
                    }
                    if (!answers.containsKey(m.getName())) {
                        throw new UnsupportedOperationException("the fake request has no " + m.getName());
                    }
                    return answers.get(m.getName());
                });
        body.reset();
        new ControlServlet(control).service(req, response());
    }

    private HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "setStatus" -> {
                        status = (int) args[0];
                        yield null;
                    }
                    case "getOutputStream" -> out;
                    case "setContentType", "setCharacterEncoding", "setHeader" -> null;
                    default -> throw new UnsupportedOperationException("the fake response has no " + m.getName());
                });
    }
}
