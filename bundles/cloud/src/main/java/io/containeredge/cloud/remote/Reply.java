package io.containeredge.cloud.remote;

import java.util.Objects;

/** One MQTT message to publish in answer to a request: the caller's sink sends it (QoS 1). */
public record Reply(String topic, byte[] payload) {

    public Reply {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }
}
