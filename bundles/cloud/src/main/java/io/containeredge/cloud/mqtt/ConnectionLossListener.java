package io.containeredge.cloud.mqtt;

import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the publisher's loop when Paho loses the connection, so it reconnects at once instead of
 * at its next idle wake-up. Acknowledgements are handled per message by the publish listener.
 */
final class ConnectionLossListener implements MqttCallback {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLossListener.class);
    private final Thread loop;

    ConnectionLossListener(Thread loop) {
        this.loop = loop;
    }

    @Override
    public void connectionLost(Throwable cause) {
        LOG.warn("MQTT connection lost: {}", cause == null ? "unknown cause" : cause.getMessage());
        LockSupport.unpark(loop);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        // the publisher subscribes to nothing
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // acknowledgements arrive through the per-message listener, which carries the queue id
    }
}
