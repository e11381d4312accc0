package io.containeredge.cloud.queue;

import java.util.Objects;

/**
 * One MQTT message waiting to leave the gateway.
 *
 * <p>QoS is 1 or 2 only: the queue removes a message when the broker acknowledged it, and QoS 0
 * has no acknowledgement. The payload array is copied into the store by
 * {@link OutboundQueue#append}, so the caller may reuse it afterwards.
 *
 * @param topic         MQTT topic to publish on (no wildcards)
 * @param payload       message body, may be empty
 * @param qos           1 or 2
 * @param kind          what the message is; decides whether it may be thinned
 * @param createdMillis wall-clock time the message was produced (epoch milliseconds)
 */
public record OutboundMessage(String topic, byte[] payload, int qos, MessageKind kind, long createdMillis) {

    public OutboundMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(kind, "kind");
        if (topic.isEmpty() || topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0 || topic.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a publishable MQTT topic: '" + topic + "'");
        }
        if (qos != 1 && qos != 2) {
            throw new IllegalArgumentException("qos must be 1 or 2 (acknowledged delivery), was " + qos);
        }
    }

    /** A QoS 1 message created now. */
    public static OutboundMessage of(String topic, byte[] payload, MessageKind kind) {
        return new OutboundMessage(topic, payload, 1, kind, System.currentTimeMillis());
    }
}
