package io.containeredge.cloud.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.site.api.SignedEnvelope;
import java.nio.charset.StandardCharsets;

/**
 * Reads a signed JSON envelope {@code {"keyId", "body", "signature"}} ({@link SignedEnvelope}) into an authenticated
 * request.
 * The signature covers the UTF-8 bytes of the body string exactly as sent, so no JSON
 * canonicalisation is needed on either side. Checks, in order: size, envelope form, key and
 * signature, then the body's fields; the first that fails is the reason. The body names its target
 * ({@code site}, {@code container}), so the signature covers it; whether it is this container is
 * checked with the action (see {@link RemoteRequests}), where the refusal is audited under the key.
 */
final class EnvelopeReader {

    private final RequestKeys keys;

    EnvelopeReader(RequestKeys keys) {
        this.keys = keys;
    }

    RemoteRequest read(byte[] payload) throws Refusal {
        SignedEnvelope e = envelope(payload);
        JsonNode request = SignedEnvelope.tree(e.body().getBytes(StandardCharsets.UTF_8));
        String id = request == null ? null : RemoteRequest.validIdOrNull(request.path("id").textValue());
        keys.verify(id, e.keyId(), e.body(), e.signature());
        return fields(request, e.keyId());
    }

    /** Checks the size and the envelope's form: every signed message (a request, a site lease) comes in one. */
    static SignedEnvelope envelope(byte[] payload) throws Refusal {
        try {
            return SignedEnvelope.read(payload);
        } catch (IllegalArgumentException e) {
            throw new Refusal(null, e.getMessage());
        }
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
        ObjectNode p = params.isObject() ? (ObjectNode) params : JsonNodeFactory.instance.objectNode();
        String site = body.path("site").textValue();
        String container = body.path("container").textValue();
        if (site == null || container == null) {
            throw new Refusal(id, "site and container missing: the signed body must name the container it is for");
        }
        return new RemoteRequest(id, expires.longValue(), action, p, keyId, site, container);
    }
}
