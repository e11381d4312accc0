package io.containeredge.cloud.mqtt;

import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import java.util.List;

/**
 * What a protocol on top of the {@link QueuePublisher} (Sparkplug B) needs from each connection.
 * All methods except {@link #messageArrived} run on the publisher's thread, in this order per
 * connection: {@link #willForNextConnect} → MQTT connect → {@link #subscriptions} (subscribed, QoS 1)
 * → once {@link #mayPublish} → {@link #onConnected} (published, each acknowledged) → queue drain, every
 * queued message passing {@link #beforePublish}. So the births of a connection always precede its backlog.
 */
public interface ConnectionHooks {

    /** No hooks: the settings' will, nothing before the queue, nothing subscribed. */
    ConnectionHooks NONE = new ConnectionHooks() {
        @Override
        public MqttSettings.Will willForNextConnect() {
            return null;
        }

        @Override
        public List<OutboundMessage> onConnected() {
            return List.of();
        }
    };

    /** Before every connect attempt: the will to register for it, or null for {@link MqttSettings#will()}. */
    MqttSettings.Will willForNextConnect();

    /**
     * The broker accepted the connection: messages to publish before anything queued (e.g. NBIRTH and
     * DBIRTHs). They are not stored; if one is not acknowledged, the connection is dropped and the next
     * one asks again.
     */
    List<OutboundMessage> onConnected();

    /**
     * Whether the consumer the data is for is there (the Sparkplug primary host). While false on a new
     * connection, nothing is published, births included, and the queue keeps everything; once true, the
     * births go out and the queue drains. When it turns false while sending, {@link #beforeDisconnect}
     * is published and the connection is closed, so the broker deletes nothing more from the queue by
     * acknowledging what nobody reads; the next connection waits again. Asked often: must be cheap.
     */
    default boolean mayPublish() {
        return true;
    }

    /**
     * The QoS {@code m} goes out with; its queued QoS by default. QoS 0 removes a message from the queue
     * once Paho wrote it to the connection, unconfirmed; QoS 1 only after the broker's PUBACK.
     */
    default int wireQos(OutboundMessage m) {
        return m.qos();
    }

    /** Topic filters to subscribe to (QoS 1) on every connection, before {@link #onConnected}. */
    default List<String> subscriptions() {
        return List.of();
    }

    /** A message arrived on one of the {@link #subscriptions}; on Paho's thread, so it must not block long. */
    default void messageArrived(String topic, byte[] payload) {
    }

    /**
     * What {@link #beforePublish} returns for a message that cannot go yet (e.g. data of a device whose birth
     * is not out on this connection): it stays queued, and its lane waits and tries it again shortly.
     */
    OutboundMessage NOT_YET = new OutboundMessage("containeredge/not-yet", new byte[0], 1, MessageKind.TELEMETRY, 0);

    /**
     * A queued message about to be handed to the broker (again, after a reconnect): returns what to
     * publish instead, e.g. with the sequence number of the current connection, {@link #NOT_YET}, or null to
     * skip it (it is then removed from the queue as if acknowledged, e.g. a birth superseded by a newer one).
     */
    default OutboundMessage beforePublish(OutboundMessage message) {
        return message;
    }

    /**
     * On {@link QueuePublisher#close()} while connected: published (each awaited up to 1 s) before the
     * MQTT DISCONNECT, which makes the broker discard the will, e.g. the NDEATH.
     */
    default List<OutboundMessage> beforeDisconnect() {
        return List.of();
    }
}
