package io.containeredge.cloud.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds requests the way an operations centre would: its own HMAC, independent of the code under test. */
final class Signer {

    static final String KEY_TEXT = "correct-horse-battery-staple-4-containeredge";
    /** {@code command.keys} entry for {@link #KEY_TEXT} under key id {@code ops}. */
    static final String OPS = "ops=Y29ycmVjdC1ob3JzZS1iYXR0ZXJ5LXN0YXBsZS00LWNvbnRhaW5lcmVkZ2U=";
    static final ObjectMapper JSON = new ObjectMapper();

    private Signer() {
    }

    static String hmacHex(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body for container c-01 of demo-site (the {@link Rig}'s). */
    static String body(String id, long expires, String action, ObjectNode params) {
        return body(id, expires, "demo-site", "c-01", action, params);
    }

    static String body(String id, long expires, String site, String container, String action, ObjectNode params) {
        ObjectNode b = JSON.createObjectNode().put("id", id).put("expires", expires).put("site", site)
                .put("container", container).put("action", action);
        if (params != null) {
            b.set("params", params);
        }
        return b.toString();
    }

    static byte[] envelope(String keyId, String body, String signature) {
        return JSON.createObjectNode().put("keyId", keyId).put("body", body).put("signature", signature).toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A body signed with the ops key. */
    static byte[] signed(String body) {
        return envelope("ops", body, hmacHex(KEY_TEXT, body));
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }
}
