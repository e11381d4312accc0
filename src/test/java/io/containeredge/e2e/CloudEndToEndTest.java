package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The assembled gateway with {@code --mqtt} against a real Mosquitto: Sparkplug B births and data
 * arrive; during a broker outage the data goes into the persistent queue and arrives after the
 * restart, behind a new NBIRTH, nothing lost.
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
    private Mosquitto broker;
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

    /** A persistent session: messages published while it is away (the broker restarting) wait for it. */
    private void subscribe() throws Exception {
        if (subscriber == null) {
            subscriber = new MqttClient(broker.uri(), "e2e-sparkplug-host", new MemoryPersistence());
        }
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setMaxInflight(1000);
        subscriber.connect(o);
        subscriber.subscribe(PREFIX + "#", 1, (topic, m) -> received.add(new Received(topic,
                new SparkplugBPayloadDecoder().buildFromByteArray(m.getPayload(), null), System.currentTimeMillis())));
    }

    private Received await(String what, Predicate<Received> p, int from) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<Received> all = new ArrayList<>(received);
            for (int i = from; i < all.size(); i++) {
                if (p.test(all.get(i))) {
                    return all.get(i);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + what + " within 30 s; received " + received.stream().map(Received::topic).toList());
    }

    @Test
    void publishesSparkplugAndLosesNothingDuringABrokerOutage() throws Exception {
        broker = new Mosquitto(work.resolve("broker")).start();
        subscribe();
        container = RunningContainer.start(work, site -> site, 0, "--mqtt", broker.uri());

        Received nbirth = await("NBIRTH", r -> r.is("NBIRTH", null), 0);
        assertTrue(nbirth.metric("bdSeq") != null, "NBIRTH carries bdSeq");
        assertEquals(0L, nbirth.payload().getSeq(), "NBIRTH has seq 0");
        long bdSeq = ((Number) nbirth.metric("bdSeq").getValue()).longValue();
        Received dbirth = await("DBIRTH of the cdu", r -> r.is("DBIRTH", "cdu"), 0);
        assertTrue(dbirth.metric("supply_temp") != null, "cdu DBIRTH has supply_temp: " + dbirth.payload());
        await("DDATA of the cdu", r -> r.is("DDATA", "cdu"), 0);

        // outage: the gateway keeps running and queueing
        Thread.sleep(1500);
        broker.stop();
        long down = System.currentTimeMillis();
        int before = received.size();
        Thread.sleep(5000);
        long up = System.currentTimeMillis();
        broker.start();
        subscribe();

        Received rebirth = await("NBIRTH after the restart", r -> r.is("NBIRTH", null), before);
        long newBdSeq = ((Number) rebirth.metric("bdSeq").getValue()).longValue();
        assertNotEquals(bdSeq, newBdSeq, "a new connection has a new bdSeq");
        List<Received> after = new ArrayList<>(received.subList(before, received.size()));
        assertEquals("NBIRTH", after.get(0).type(), "the new NBIRTH comes first after the reconnect: "
                + after.stream().map(Received::topic).limit(5).toList());

        // every second of the outage is there, marked historical, behind the births
        await("cdu data from after the outage", r -> r.is("DDATA", "cdu")
                && r.payload().getTimestamp().getTime() > up + 1000, before);
        List<Received> cdu = received.stream().filter(r -> r.is("DDATA", "cdu")).toList();
        List<Long> stamps = cdu.stream().map(r -> r.payload().getTimestamp().getTime()).distinct().sorted().toList();
        List<Received> duringOutage = cdu.stream().filter(r -> r.payload().getTimestamp().getTime() > down
                && r.payload().getTimestamp().getTime() < up).toList();
        assertTrue(duringOutage.size() >= 3, "cdu DDATA produced during the 5 s outage: " + duringOutage.size());
        assertTrue(duringOutage.stream().allMatch(r -> r.payload().getMetrics().stream()
                .allMatch(m -> Boolean.TRUE.equals(m.isHistorical()))), "outage data is flagged historical");
        for (int i = 1; i < stamps.size(); i++) {
            assertTrue(stamps.get(i) - stamps.get(i - 1) <= 3000, "a gap in the cdu data between "
                    + stamps.get(i - 1) + " and " + stamps.get(i) + " (outage " + down + ".." + up + ")");
        }
    }
}
