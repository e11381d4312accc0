package io.containeredge.cloud.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.cloud.sparkplug.SparkplugCodec;
import io.containeredge.cloud.sparkplug.SparkplugTopics;
import java.io.IOException;
import java.util.OptionalLong;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * What one gateway message carries, as the benchmark counts it: a Sparkplug B payload (topic under
 * {@code spBv1.0/}) holds one sample per metric and is dated by its payload timestamp; anything else
 * is one JSON record (alarm, decision, audit) dated by its {@code timestamp} field.
 *
 * @param count     metric samples in the message
 * @param timestamp when its content was produced, empty when the payload does not say
 */
record MessageSamples(int count, OptionalLong timestamp) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws IllegalArgumentException when a Sparkplug topic carries something that is not Sparkplug B */
    static MessageSamples of(String topic, byte[] payload) {
        if (topic.startsWith(SparkplugTopics.NAMESPACE + "/")) {
            SparkplugBPayload p = SparkplugCodec.decode(payload);
            OptionalLong ts = p.getTimestamp() == null ? OptionalLong.empty() : OptionalLong.of(p.getTimestamp().getTime());
            return new MessageSamples(p.getMetrics().size(), ts);
        }
        return new MessageSamples(1, jsonTimestamp(payload));
    }

    private static OptionalLong jsonTimestamp(byte[] payload) {
        try {
            JsonNode t = JSON.readTree(payload).get("timestamp");
            return t != null && t.canConvertToLong() ? OptionalLong.of(t.asLong()) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty(); // not JSON: the benchmark cannot date it
        }
    }
}
