package io.containeredge.cloud.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A Paho subscriber on {@code test/#} recording payloads as strings, in arrival order. */
final class TestSubscriber implements AutoCloseable {

    private final String uri;
    private final MqttSettings security;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private MqttClient client;

    TestSubscriber(String uri) {
        this(uri, null);
    }

    /** Connecting with the credentials and TLS stores of {@code security}. */
    TestSubscriber(String uri, MqttSettings security) {
        this.uri = uri;
        this.security = security;
    }

    /** (Re)connects and subscribes; returns once the broker confirmed the subscription. */
    TestSubscriber connect() throws MqttException {
        close();
        client = new MqttClient(uri, "test-subscriber", new MemoryPersistence());
        MqttConnectOptions o = security == null ? new MqttConnectOptions() : PahoOptions.of(security);
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        client.connect(o);
        client.subscribe("test/#", 1, (topic, m) -> received.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
        return this;
    }

    List<String> received() {
        return new ArrayList<>(received);
    }

    /** Distinct payloads in order of first arrival (what a de-duplicating consumer sees). */
    List<String> distinct() {
        return new ArrayList<>(new LinkedHashSet<>(received));
    }

    /** Waits until {@code count} distinct payloads arrived; returns whether they did in time. */
    boolean awaitDistinct(int count, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (distinct().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return distinct().size() >= count;
    }

    @Override
    public void close() throws MqttException {
        if (client != null) {
            if (client.isConnected()) {
                client.disconnectForcibly(100, 100);
            }
            client.close(true);
            client = null;
        }
    }
}
