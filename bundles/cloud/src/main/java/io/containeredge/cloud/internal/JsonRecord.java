package io.containeredge.cloud.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import java.util.Map;

/**
 * The gateway's own records beside Sparkplug (alarms, guard decisions, audit, replies): JSON on
 * {@code containeredge/<site>/<container>/<kind>}, QoS 1, through the same persistent queue.
 */
final class JsonRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonRecord() {
    }

    static String topic(String site, String container, String kind) {
        return "containeredge/" + site + "/" + container + "/" + kind;
    }

    static OutboundMessage message(String topic, Map<String, Object> fields, MessageKind kind, long now) {
        try {
            return new OutboundMessage(topic, JSON.writeValueAsBytes(fields), 1, kind, now);
        } catch (JsonProcessingException e) {
            // only maps of strings, numbers, booleans, lists and maps are passed in
            throw new IllegalStateException("record not encodable: " + e.getMessage(), e);
        }
    }

    /** JSON has no infinity or NaN: "no cap" and "not known" are null. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
