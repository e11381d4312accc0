package io.containeredge.coordinator.mqtt;

/** Where the coordinator's messages go (signed leases, replies to site requests): the site's broker, or a recorder. */
@FunctionalInterface
public interface SitePublisher {

    /**
     * Sends {@code payload} to {@code topic} at QoS 1, not retained.
     *
     * @return false when it could not be sent (no broker connection): the round is tried again
     */
    boolean publish(String topic, String payload);
}
