package io.containeredge.http.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * How every JSON answer is written, whoever writes it (the API's servlets, the console's security
 * filter, its login, user and action endpoints): JSON in UTF-8, never cached (an answer is the state of one
 * moment and may name a user), and an error as {@code {"error": "..."}}.
 */
public final class JsonAnswers {

    private JsonAnswers() {
    }

    /** Writes {@code body}, which Jackson turns into JSON, as the whole response. */
    public static void send(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        Json.MAPPER.writeValue(resp.getOutputStream(), body);
    }

    public static void error(HttpServletResponse resp, int status, String message) throws IOException {
        send(resp, status, errorBody(message));
    }

    /** Refuses a request that may carry a body nobody read: {@link #closeAfterUnreadBody}, then the error. */
    public static void refuse(HttpServletRequest req, HttpServletResponse resp, int status, String message)
            throws IOException {
        closeAfterUnreadBody(req, resp);
        error(resp, status, message);
    }

    /**
     * Before an answer that may leave the request's body unread (a refusal, a failure): when the request has a
     * body, says that the connection closes after the answer. The server drops such a connection when the rest of
     * the body has not arrived yet, and a client that sent its next request on it (the JDK's client does, for a
     * POST, without retrying) would get no answer at all.
     */
    public static void closeAfterUnreadBody(HttpServletRequest req, HttpServletResponse resp) {
        if (req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null) {
            resp.setHeader("Connection", "close");
        }
    }

    /** The body of an error answer; a caller may add fields, e.g. every error of a refused configuration. */
    public static ObjectNode errorBody(String message) {
        return Json.MAPPER.createObjectNode().put("error", message);
    }
}
