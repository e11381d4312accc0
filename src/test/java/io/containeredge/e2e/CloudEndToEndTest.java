package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.cloud.mqtt.MosquittoBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled gateway with {@code --mqtt} against a real Mosquitto: the NBIRTH (bdSeq, seq 0), the
 * devices' DBIRTHs and their DDATA arrive through the persistent queue. What happens across a broker
 * outage (births first after the reconnect, backlog after them, nothing lost) is tested at the
 * publisher, in the cloud bundle's {@code QueuePublisherTest}.
 */
class CloudEndToEndTest {

    private static final String PREFIX = "spBv1.0/demo-site/";

    record Received(String topic, SparkplugBPayload payload, long arrivedMillis) {
        String type() {
            return topic.split("/")[2];
        }

        boolean is(String type, String device) {
            return type().equals(type) && (device == null || topic.endsWith("/" + device));
        }

        Metric metric(String name) {
            return payload.getMetrics().stream().filter(m -> name.equals(m.getName())).findFirst().orElse(null);
        }
    }

    @TempDir
    Path work;
    private MosquittoBroker broker;
    private RunningContainer container;
    private MqttClient subscriber;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (subscriber != null) {
                if (subscriber.isConnected()) {
                    subscriber.disconnectForcibly(100, 100);
                }
                subscriber.close(true);
            }
            if (container != null) {
                container.close();
            }
        } finally {
            if (broker != null) {
                broker.stop();
            }
        }
    }

    /** A Sparkplug host application's subscription to everything the edge node publishes. */
    private void subscribe() throws Exception {
        if (subscriber == null) {
            subscriber = new MqttClient(broker.uri(), "e2e-sparkplug-host", new MemoryPersistence());
        }
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMaxInflight(1000);
        subscriber.connect(o);
        subscriber.subscribe(PREFIX + "#", 1, (topic, m) -> received.add(new Received(topic,
                new SparkplugBPayloadDecoder().buildFromByteArray(m.getPayload(), null), System.currentTimeMillis())));
    }

    private Received await(String what, Predicate<Received> p, int from) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<Received> all = new ArrayList<>(received);
            for (int i = from; i < all.size(); i++) {
                if (p.test(all.get(i))) {
                    return all.get(i);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + what + " within 60 s; received " + received.stream().map(Received::topic).toList());
    }

    @Test
    void publishesSparkplugBirthsAndDataThroughTheQueue() throws Exception {
        broker = new MosquittoBroker(work.resolve("broker")).start();
        subscribe();
        container = RunningContainer.start(work, site -> site, 0, "--mqtt", broker.uri());

        Received nbirth = await("NBIRTH", r -> r.is("NBIRTH", null), 0);
        assertTrue(nbirth.metric("bdSeq") != null, "NBIRTH carries bdSeq");
        assertEquals(0L, nbirth.payload().getSeq(), "NBIRTH has seq 0");
        Received dbirth = await("DBIRTH of the cdu", r -> r.is("DBIRTH", "cdu"), 0);
        assertTrue(dbirth.metric("supply_temp") != null, "cdu DBIRTH has supply_temp: " + dbirth.payload());
        await("DDATA of the cdu", r -> r.is("DDATA", "cdu"), 0);
    }
}
