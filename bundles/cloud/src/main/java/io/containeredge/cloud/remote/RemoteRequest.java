package io.containeredge.cloud.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An authenticated request: its signature was checked against {@code keyId}'s secret.
 *
 * @param id unique per request, 1..64 characters of {@code [A-Za-z0-9._:-]}: the idempotency key
 * @param expiresMillis the first instant it must no longer be executed (epoch ms)
 * @param action what to do, e.g. {@code curtail} or {@code config.apply}
 * @param params the action's parameters (an empty object when none were given)
 * @param keyId the key that signed it: who asked
 * @param site the site the signed text names as the target
 * @param container the container the signed text names as the target
 */
record RemoteRequest(String id, long expiresMillis, String action, ObjectNode params, String keyId, String site,
        String container) {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    RemoteRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(container, "container");
    }

    /** The request id if it has the required form, else null: a malformed id is never echoed. */
    static String validIdOrNull(String id) {
        return id != null && ID.matcher(id).matches() ? id : null;
    }

    /** How the gateway names who asked, in the controller's sources and the configuration history. */
    String source() {
        return "mqtt:" + keyId + "/" + id;
    }
}
