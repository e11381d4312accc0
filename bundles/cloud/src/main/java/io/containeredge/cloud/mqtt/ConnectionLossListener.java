package io.containeredge.cloud.mqtt;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the publisher's loop when Paho loses the connection, so it reconnects at once instead of
 * at its next idle wake-up, and hands subscribed messages to the hooks. Acknowledgements are handled
 * per message by the publish listener.
 */
final class ConnectionLossListener implements MqttCallback {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLossListener.class);
    private final Thread loop;
    private final BiConsumer<String, byte[]> arrived;

    ConnectionLossListener(Thread loop, BiConsumer<String, byte[]> arrived) {
        this.loop = loop;
        this.arrived = arrived;
    }

    @Override
    public void connectionLost(Throwable cause) {
        LOG.warn("MQTT connection lost: {}", cause == null ? "unknown cause" : cause.getMessage());
        LockSupport.unpark(loop);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        // commands on the hooks' subscriptions; a failing handler must not take the connection down
        try {
            arrived.accept(topic, message.getPayload());
        } catch (RuntimeException e) {
            LOG.warn("message on {} not handled: {}", topic, e.toString());
        }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // acknowledgements arrive through the per-message listener, which carries the queue id
    }
}
