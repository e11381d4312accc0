package io.containeredge.site.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * How every signed message travels: {@code {"keyId","body","signature"}}, the signature the HMAC-SHA256 of the body text
 * exactly as sent ({@link SignedText}), so the receiver checks the very bytes it then parses and nobody canonicalises
 * JSON. The gateway's remote requests and site leases come in it; the coordinator signs its leases into it and reads
 * the site's requests from it.
 */
public record SignedEnvelope(String keyId, String body, String signature) {

    /** Larger payloads are refused without being parsed. */
    public static final int MAX_BYTES = 1 << 20;
    // duplicate keys or trailing text would let two readers of the same signed message see different things
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Checks the size and the envelope's form; the signature is the reader's to check, with its keys.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static SignedEnvelope read(byte[] payload) {
        if (payload == null || payload.length > MAX_BYTES) {
            throw new IllegalArgumentException("payload larger than " + MAX_BYTES + " bytes (1 MiB), not read");
        }
        JsonNode envelope = tree(payload);
        if (envelope == null || !envelope.isObject()) {
            throw new IllegalArgumentException("envelope is not a JSON object");
        }
        String keyId = envelope.path("keyId").textValue();
        String body = envelope.path("body").textValue();
        String signature = envelope.path("signature").textValue();
        if (keyId == null || body == null || signature == null) {
            throw new IllegalArgumentException("envelope needs keyId, body and signature, each a string");
        }
        return new SignedEnvelope(keyId, body, signature);
    }

    /** The envelope of {@code body} signed with {@code keyId}'s {@code secret}, as JSON text. */
    public static String sign(String body, String keyId, byte[] secret) {
        try {
            return JSON.writeValueAsString(JSON.createObjectNode().put("keyId", keyId).put("body", body)
                    .put("signature", SignedText.signHex(secret, body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an envelope of three strings cannot be written", e);
        }
    }

    /** Whether the signature is the body's HMAC with {@code secret} (compared in constant time). */
    public boolean signedWith(byte[] secret) {
        return SignedText.matches(secret, body, signature);
    }

    /** The JSON tree of {@code bytes} read strictly, or null when they are not JSON (or hold a duplicate key). */
    public static JsonNode tree(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }
}
