package io.containeredge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.http.testing.FakeRequest;
import io.containeredge.http.testing.FakeResponse;
import jakarta.servlet.http.HttpServlet;
import java.util.List;

/** What one of the API's read-only status servlets answered a viewer's GET: its status code and JSON. */
record StatusAnswer(int status, JsonNode json) {

    static StatusAnswer get(HttpServlet servlet, String servletPath, String pathInfo) throws Exception {
        FakeResponse resp = new FakeResponse();
        servlet.service(new FakeRequest("GET", servletPath, pathInfo).remoteUser("alice").from("127.0.0.1"), resp);
        return new StatusAnswer(resp.getStatus(), new ObjectMapper().readTree(resp.body()));
    }

    /** What the controller shows once it has run a cycle: before one, the status servlets answer 503. */
    static ControlStatus aCycle() {
        return new ControlStatus(1_000, "NORMAL", 1400, false, "power: import within cap", 1400, 1380, 2200,
                Double.NaN, 230, 240, 0, 10, 0, 2.0, List.of(), List.of(), List.of());
    }
}
