package io.containeredge.console.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads a request's JSON object body, refusing before anything is acted on: a body over the limit
 * (413, read no further than the limit), another content type than JSON (415: a cross-site HTML form
 * cannot send JSON without the browser asking first), or text that is not one JSON object (400).
 */
final class JsonBody {

    /** Enough for any action's parameters. */
    static final int ACTION_LIMIT = 64 * 1024;
    /** A site document and its profiles; the validator takes up to 1 MiB per document. */
    static final int CONFIGURATION_LIMIT = 2 * 1024 * 1024;

    private JsonBody() {
    }

    /** The body as an object; an empty body is an empty object (e.g. "resume" needs no parameters). */
    static ObjectNode read(HttpServletRequest req, int limit) throws RequestRefused {
        String type = req.getContentType();
        long declared = req.getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        byte[] bytes;
        try {
            bytes = readAtMost(req.getInputStream(), limit);
        } catch (IOException e) {
            throw RequestRefused.badRequest("the request body could not be read: " + e.getMessage());
        }
        if (bytes.length == 0) {
            return JsonServlet.JSON.createObjectNode();
        }
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new RequestRefused(415, "send the parameters as JSON (Content-Type: application/json)");
        }
        return parse(bytes);
    }

    static ObjectNode parse(byte[] bytes) throws RequestRefused {
        JsonNode node;
        try {
            node = JsonServlet.JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw RequestRefused.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RequestRefused.badRequest("the body could not be read: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw RequestRefused.badRequest("the body must be a JSON object");
        }
        return object;
    }

    /** Reads up to {@code limit} bytes; one more means the body is too large, and nothing more is read. */
    static byte[] readAtMost(InputStream in, int limit) throws IOException, RequestRefused {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer, 0, Math.min(buffer.length, limit + 1 - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
            if (total > limit) {
                throw tooLarge(limit);
            }
        }
        return out.toByteArray();
    }

    private static RequestRefused tooLarge(int limit) {
        return new RequestRefused(413, "the request body is larger than " + limit / 1024 + " KiB");
    }
}
