package io.containeredge.http.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads a request's JSON object body, refusing it before anything is acted on: a body over the limit
 * (413, read no further than one byte over it), another content type than JSON (415: a cross-site HTML
 * form cannot send JSON without the browser asking this server first), or text that is not one JSON
 * object (400).
 *
 * @param limit the most bytes a body may have
 * @param emptyBody what a request without a body is
 * @param parseErrors whether the parser's message goes back to the sender
 */
public record JsonBodyReader(int limit, EmptyBody emptyBody, ParseErrors parseErrors) {

    /**
     * How an action's parameters are read (an import cap, a maintenance window): enough for any of
     * them, an empty body is an empty object (lifting the import cap needs no parameters), and a parse
     * error is quoted back, as these bodies hold no secret.
     */
    public static final JsonBodyReader ACTION = new JsonBodyReader(64 * 1024, EmptyBody.EMPTY_OBJECT,
            ParseErrors.QUOTED);

    /** What a request without a body is. */
    public enum EmptyBody {
        /** Refused, as any body that is not a JSON object. */
        REFUSED,
        /** An empty object, whatever its content type: an action that needs no parameters. */
        EMPTY_OBJECT
    }

    /** Whether a body that is not valid JSON is answered with the parser's message. */
    public enum ParseErrors {
        /** Not quoted: the parser's message quotes the body, which may hold a password. */
        HIDDEN,
        /** Quoted: it tells whoever writes the request where the text goes wrong. */
        QUOTED
    }

    public ObjectNode read(HttpServletRequest req) throws RequestRefused {
        boolean json = isJson(req.getContentType());
        if (!json && emptyBody == EmptyBody.REFUSED) {
            // nothing of another type can be taken, so nothing is read; with empty bodies taken, only
            // the bytes can tell whether there is a body whose type matters
            throw unsupportedType();
        }
        if (req.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        byte[] bytes;
        try {
            bytes = readAtMost(req.getInputStream(), limit);
        } catch (IOException e) {
            throw RequestRefused.badRequest("the request body could not be read: " + e.getMessage());
        }
        if (bytes.length == 0 && emptyBody == EmptyBody.EMPTY_OBJECT) {
            return Json.MAPPER.createObjectNode();
        }
        if (!json) {
            throw unsupportedType();
        }
        return parse(bytes);
    }

    private ObjectNode parse(byte[] bytes) throws RequestRefused {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            // besides Jackson's own errors, a character the detected encoding (e.g. UTF-32) cannot hold
            String detail = e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
            throw RequestRefused.badRequest(parseErrors == ParseErrors.QUOTED
                    ? "the body is not valid JSON: " + detail : "the body is not valid JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw RequestRefused.badRequest("the body must be a JSON object");
        }
        return object;
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
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

    private static RequestRefused unsupportedType() {
        return new RequestRefused(415, "send the parameters as JSON (Content-Type: application/json)");
    }

    private static RequestRefused tooLarge(int limit) {
        return new RequestRefused(413, "the request body is larger than " + limit / 1024 + " KiB");
    }
}
