package io.containeredge.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.coordinator.mqtt.SitePublisher;
import io.containeredge.site.api.SiteLease;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every lease a coordinator sends, instead of a broker. */
public final class RecordingPublisher implements SitePublisher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<SiteLease> leases = new CopyOnWriteArrayList<>();

    @Override
    public boolean publish(String topic, String payload) {
        try {
            JsonNode envelope = JSON.readTree(payload);
            leases.add(SiteLease.fromJson(envelope.get("body").asText()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    public List<SiteLease> leases() {
        return List.copyOf(leases);
    }

    public int count() {
        return leases.size();
    }

    /** The epoch of the latest lease, 0 when none was sent. */
    public long lastEpoch() {
        return leases.isEmpty() ? 0 : leases.get(leases.size() - 1).epoch();
    }
}
