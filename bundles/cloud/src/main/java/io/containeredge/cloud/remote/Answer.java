package io.containeredge.cloud.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The reply to one request, as published and as kept in the {@link RequestLedger}:
 * {@code {"id", "status", "reason", "result", "replay", "timestamp"}}.
 *
 * @param id the request's id, null when it could not be read
 * @param replay true when this answers a repeated id with the stored reply
 * @param timestampMillis when the request was first answered (a replay keeps it)
 */
record Answer(String id, Outcome outcome, boolean replay, long timestampMillis) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("status", outcome.status().key());
        o.put("reason", outcome.reason());
        o.set("result", outcome.result());
        o.put("replay", replay);
        o.put("timestamp", timestampMillis);
        return o.toString();
    }

    byte[] toBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    static Answer fromJson(String text) {
        try {
            JsonNode o = JSON.readTree(text);
            Outcome outcome = new Outcome(Outcome.Status.of(o.path("status").asText()),
                    o.path("reason").isNull() ? null : o.path("reason").asText(), (ObjectNode) o.path("result"));
            return new Answer(o.path("id").isNull() ? null : o.path("id").asText(), outcome,
                    o.path("replay").asBoolean(), o.path("timestamp").asLong());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored reply is not JSON", e);
        }
    }

    /** The same reply, marked as the answer to a repeated id. */
    Answer asReplay() {
        return new Answer(id, outcome, true, timestampMillis);
    }
}
