package io.containeredge.cloud.remote;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a signed JSON envelope {@code {"keyId", "body", "signature"}} into an authenticated request.
 * The signature covers the UTF-8 bytes of the body string exactly as sent, so no JSON
 * canonicalisation is needed on either side. Checks, in order: size, envelope form, key and
 * signature, then the body's fields; the first that fails is the reason. The body names its target
 * ({@code site}, {@code container}), so the signature covers it; whether it is this container is
 * checked with the action (see {@link RemoteRequests}), where the refusal is audited under the key.
 */
final class EnvelopeReader {

    /** Larger payloads are refused without being parsed. */
    static final int MAX_BYTES = 1 << 20;

    // duplicate keys or trailing text would let two readers of the same signed body see different requests
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final RequestKeys keys;

    EnvelopeReader(RequestKeys keys) {
        this.keys = keys;
    }

    /** An envelope's three strings, its form checked, its signature not yet. */
    record Envelope(String keyId, String body, String signature) {
    }

    RemoteRequest read(byte[] payload) throws Refusal {
        Envelope e = envelope(payload);
        JsonNode request = parse(e.body().getBytes(StandardCharsets.UTF_8));
        String id = request == null ? null : RemoteRequest.validIdOrNull(request.path("id").textValue());
        keys.verify(id, e.keyId(), e.body(), e.signature());
        return fields(request, e.keyId());
    }

    /** Checks the size and the envelope's form: every signed message (a request, a site lease) comes in one. */
    static Envelope envelope(byte[] payload) throws Refusal {
        if (payload == null || payload.length > MAX_BYTES) {
            throw new Refusal(null, "payload larger than " + MAX_BYTES + " bytes (1 MiB), not read");
        }
        JsonNode envelope = parse(payload);
        if (envelope == null || !envelope.isObject()) {
            throw new Refusal(null, "envelope is not a JSON object");
        }
        String keyId = envelope.path("keyId").textValue();
        String body = envelope.path("body").textValue();
        String signature = envelope.path("signature").textValue();
        if (keyId == null || body == null || signature == null) {
            throw new Refusal(null, "envelope needs keyId, body and signature, each a string");
        }
        return new Envelope(keyId, body, signature);
    }

    /** The body's fields, once the signature is known to be good. */
    private static RemoteRequest fields(JsonNode body, String keyId) throws Refusal {
        if (body == null) {
            throw new Refusal(null, "body is not valid JSON (a duplicate key counts as invalid)");
        }
        if (!body.isObject()) {
            throw new Refusal(null, "body is not a JSON object");
        }
        String id = RemoteRequest.validIdOrNull(body.path("id").textValue());
        if (id == null) {
            throw new Refusal(null, "id missing or not 1..64 characters of [A-Za-z0-9._:-]");
        }
        JsonNode expires = body.path("expires");
        if (!expires.isIntegralNumber() || !expires.canConvertToLong()) {
            throw new Refusal(id, "expires missing or not an integer (epoch milliseconds)");
        }
        String action = body.path("action").textValue();
        if (action == null || action.isEmpty()) {
            throw new Refusal(id, "action missing");
        }
        JsonNode params = body.path("params");
        if (!params.isMissingNode() && !params.isNull() && !params.isObject()) {
            throw new Refusal(id, "params is not a JSON object");
        }
        ObjectNode p = params.isObject() ? (ObjectNode) params : JSON.createObjectNode();
        String site = body.path("site").textValue();
        String container = body.path("container").textValue();
        if (site == null || container == null) {
            throw new Refusal(id, "site and container missing: the signed body must name the container it is for");
        }
        return new RemoteRequest(id, expires.longValue(), action, p, keyId, site, container);
    }

    /** The JSON tree, or null when the bytes are not JSON. */
    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }
}
