package io.containeredge.coordinator.lease;

/** Where signed leases go: the site's MQTT broker, or a recorder in tests. */
@FunctionalInterface
public interface LeasePublisher {

    /**
     * Sends {@code payload} to {@code topic} at QoS 1, not retained.
     *
     * @return false when it could not be sent (no broker connection): the round is tried again
     */
    boolean publish(String topic, String payload);
}
