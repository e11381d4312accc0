package io.containeredge.cloud.sparkplug;

import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * One message the edge node wants published: topic plus Tahu payload. Kept unencoded so the
 * publisher can still restamp the sequence number when it drains a backlog.
 */
public record SparkplugMessage(MessageType type, String topic, SparkplugBPayload payload) {

    public byte[] encode() {
        return SparkplugCodec.encode(payload);
    }
}
