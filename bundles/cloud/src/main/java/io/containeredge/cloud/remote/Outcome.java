package io.containeredge.cloud.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;

/**
 * What became of a request.
 *
 * @param reason why it was rejected or failed; null when accepted
 * @param result what the action returns (a new version, the documents, the errors …); an empty object when nothing
 */
record Outcome(Status status, String reason, ObjectNode result) {

    enum Status {
        /** Done (a write: acknowledged by the device). */
        ACCEPTED,
        /** Refused before anything changed. */
        REJECTED,
        /** Tried and did not succeed, or the outcome is unknown; something may have changed. */
        FAILED;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    Outcome {
        Objects.requireNonNull(status, "status");
        result = result == null ? JsonNodeFactory.instance.objectNode() : result;
    }

    static Outcome accepted(ObjectNode result) {
        return new Outcome(Status.ACCEPTED, null, result);
    }

    static Outcome rejected(String reason) {
        return new Outcome(Status.REJECTED, reason, null);
    }

    static Outcome rejected(String reason, ObjectNode result) {
        return new Outcome(Status.REJECTED, reason, result);
    }

    static Outcome failed(String reason) {
        return new Outcome(Status.FAILED, reason, null);
    }

    /** A result object with one field, the common case. */
    static ObjectNode result(String field, JsonNode value) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set(field, value);
        return o;
    }
}
