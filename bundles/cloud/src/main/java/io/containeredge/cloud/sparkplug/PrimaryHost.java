package io.containeredge.cloud.sparkplug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the edge node knows of its Sparkplug 3.0 Primary Host Application: the retained STATE message
 * on {@code spBv1.0/STATE/<host id>}, JSON {@code {"online": true|false, "timestamp": <epoch ms>}}.
 *
 * <p>Until a STATE saying online arrives on the current connection the host counts as offline: the
 * edge node publishes nothing (births included) and its queue keeps everything. A STATE older than the
 * newest one seen is ignored (a stale retained message or a reordered one); so is one that is not the
 * JSON above, which leaves the state as it was. Thread-safe: messages arrive on the MQTT client's
 * thread, the publisher asks on its own.
 */
public final class PrimaryHost {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(PrimaryHost.class);

    private final String id;
    private boolean online;
    private long newestMillis = Long.MIN_VALUE;

    /** @throws IllegalArgumentException when {@code id} cannot be a topic level */
    public PrimaryHost(String id) {
        if (id == null || id.isBlank() || id.chars().anyMatch(c -> c == '/' || c == '+' || c == '#' || c == 0)) {
            throw new IllegalArgumentException("primary host id '" + id + "' must be a non-empty topic level"
                    + " (no '/', '+' or '#')");
        }
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** {@code spBv1.0/STATE/<host id>}: subscribe to it at QoS 1. */
    public String topic() {
        return SparkplugTopics.NAMESPACE + "/STATE/" + id;
    }

    /** A new connection is starting: offline until its retained STATE says otherwise. */
    public synchronized void connecting() {
        online = false;
    }

    public synchronized boolean online() {
        return online;
    }

    /** Takes a STATE payload and logs what it changed, or why it was ignored. */
    public void receive(byte[] payload) {
        boolean was = online();
        String ignored = accept(payload);
        if (ignored != null) {
            LOG.warn("cloud: STATE of primary host {} ignored: {}", id, ignored);
        } else if (was != online()) {
            LOG.info("cloud: primary host {} {}", id, online() ? "online: births, then the queue"
                    : "offline: the queue keeps everything until it is back");
        }
    }

    /**
     * Takes a STATE payload.
     *
     * @return the reason it was ignored, or null when it was taken
     */
    public synchronized String accept(byte[] payload) {
        JsonNode state;
        try {
            state = JSON.readTree(payload);
        } catch (IOException e) {
            state = null;
        }
        if (state == null || !state.path("online").isBoolean() || !state.path("timestamp").canConvertToLong()
                || !state.path("timestamp").isIntegralNumber()) {
            return "not a Sparkplug 3.0 STATE ({\"online\": boolean, \"timestamp\": epoch ms})";
        }
        long timestamp = state.path("timestamp").longValue();
        if (timestamp < newestMillis) {
            return "older than the STATE of " + newestMillis;
        }
        newestMillis = timestamp;
        online = state.path("online").booleanValue();
        return null;
    }
}
