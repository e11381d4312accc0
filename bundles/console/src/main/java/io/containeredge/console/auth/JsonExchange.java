package io.containeredge.console.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reading the small JSON bodies of the auth endpoints and writing their JSON answers. */
final class JsonExchange {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Names and passwords fit in far less; a bigger body is refused before it is parsed. */
    static final int MAX_BODY_BYTES = 8 * 1024;

    /** A body that cannot be taken, with the status to answer and why. */
    static final class BadBody extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        BadBody(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private JsonExchange() {
    }

    /**
     * The body as a JSON object. Only {@code application/json} is taken: a form on another site cannot
     * send it without the browser asking this server first.
     */
    static ObjectNode readObject(HttpServletRequest req) throws IOException, BadBody {
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new BadBody(415, "send the body as application/json");
        }
        if (req.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new BadBody(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new BadBody(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // answered below without echoing the body: it may hold a password
        }
        throw new BadBody(400, "the body is not a JSON object");
    }

    /** A text field of the body, or null when absent or not text. */
    static String text(ObjectNode body, String field) {
        JsonNode n = body.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    static void send(HttpServletResponse resp, int status, JsonNode body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        JSON.writeValue(resp.getOutputStream(), body);
    }

    static void error(HttpServletResponse resp, int status, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", message);
        send(resp, status, body);
    }
}
