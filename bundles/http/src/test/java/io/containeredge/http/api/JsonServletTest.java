package io.containeredge.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.containeredge.http.testing.FakeRequest;
import io.containeredge.http.testing.FakeResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

/** A refusal that leaves a request's body unread ends the connection after its answer; nothing else does. */
class JsonServletTest {

    private final JsonServlet readsOnly = new JsonServlet() {
        private static final long serialVersionUID = 1L;

        @Override
        protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
            if (!path.isEmpty()) {
                throw notFound(path);
            }
            return Reply.ok(java.util.Map.of("points", 0));
        }
    };

    @Test
    void aRefusedRequestWithABodyEndsTheConnection() throws Exception {
        FakeResponse resp = send(new FakeRequest("POST", "/api/v1/x", "").json("{\"kw\":1}"));
        assertEquals(405, resp.getStatus());
        assertEquals("close", resp.getHeader("Connection"));
    }

    @Test
    void aRefusalWithoutABodyAndAnAnswerKeepTheConnection() throws Exception {
        FakeResponse notFound = send(new FakeRequest("GET", "/api/v1/x", "/nothing"));
        assertEquals(404, notFound.getStatus());
        assertNull(notFound.getHeader("Connection"));
        FakeResponse ok = send(new FakeRequest("GET", "/api/v1/x", ""));
        assertEquals(200, ok.getStatus());
        assertNull(ok.getHeader("Connection"));
    }

    private FakeResponse send(FakeRequest req) throws Exception {
        FakeResponse resp = new FakeResponse();
        readsOnly.service(req, resp);
        return resp;
    }
}
