package io.containeredge.cloud.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.cloud.queue.OutboundQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher against a real Mosquitto on a free loopback port. */
class QueuePublisherTest {

    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private OutboundQueue queue;
    private TestSubscriber subscriber;
    private TcpGate gate;
    private QueuePublisher publisher;

    @BeforeEach
    void setUp() throws Exception {
        broker = new MosquittoBroker(dir).start();
        queue = OutboundQueue.open(dir.resolve("queue.db"), 64L << 20);
        subscriber = new TestSubscriber(broker.uri()).connect();
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (publisher != null) {
                publisher.close();
            }
            subscriber.close();
            if (gate != null) {
                gate.shutdown();
            }
            queue.close();
        } finally {
            broker.stop(); // whatever failed above, no broker outlives its test
        }
    }

    static MqttSettings settings(List<String> uris, double rate) {
        return MqttSettings.of(uris, "gateway-test").withDrainRate(rate)
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(400));
    }

    static OutboundMessage message(int i) {
        return new OutboundMessage("test/data", ("m" + i).getBytes(StandardCharsets.UTF_8), 1,
                MessageKind.TELEMETRY, System.currentTimeMillis());
    }

    private static List<String> expected(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "m" + i).toList();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for: " + what);
            Thread.sleep(10);
        }
    }

    /**
     * Connected is not yet draining: the backlog is what was queued until the births went out, so a message queued
     * meanwhile belongs to it and a live one queued just after may overtake it (see {@link LaneBoundaryTest}).
     * Publishes m0 and returns once it arrived: what is queued from then on is live, in order behind it.
     */
    private void publishFirstOnceConnected() throws InterruptedException {
        await("connected", publisher::connected);
        publisher.publishNow(message(0));
        assertTrue(subscriber.awaitDistinct(1, 10, TimeUnit.SECONDS), "m0 arrived");
    }

    @Test
    void publishesInOrderAndEmptiesTheQueue() throws Exception {
        publisher = new QueuePublisher(queue, settings(List.of(broker.uri()), 10_000));
        publisher.start();
        publishFirstOnceConnected();
        for (int i = 1; i < 300; i++) {
            publisher.publishNow(message(i));
        }
        assertTrue(subscriber.awaitDistinct(300, 20, TimeUnit.SECONDS), "received " + subscriber.received().size());
        assertEquals(expected(0, 300), subscriber.received(), "in order, nothing twice on a healthy link");
        await("queue empty", () -> publisher.backlog() == 0);
        assertEquals(300, publisher.published());
    }

    @Test
    void backlogAccumulatesWhileBrokerIsDownAndDrainsInOrder() throws Exception {
        gate = new TcpGate(broker.port());
        publisher = new QueuePublisher(queue, settings(List.of(gate.uri()), 1000));
        publisher.start();
        publishFirstOnceConnected();
        for (int i = 1; i < 10; i++) {
            publisher.publishNow(message(i));
        }
        assertTrue(subscriber.awaitDistinct(10, 10, TimeUnit.SECONDS));
        await("first ten acknowledged", () -> publisher.backlog() == 0);

        gate.shut();
        broker.stop();
        await("disconnected", () -> !publisher.connected());
        for (int i = 10; i < 110; i++) {
            publisher.publishNow(message(i));
        }
        Thread.sleep(500); // several reconnect attempts fail meanwhile
        assertEquals(100, publisher.backlog(), "everything stays queued while the broker is down");

        broker.start(); // same port
        subscriber.connect();
        gate.open();
        assertTrue(subscriber.awaitDistinct(110, 20, TimeUnit.SECONDS), "received " + subscriber.distinct().size());
        assertEquals(expected(0, 110), subscriber.distinct(), "backlog drained in order");
        await("queue empty", () -> publisher.backlog() == 0);
    }

    @Test
    void drainRateIsLimited() throws Exception {
        for (int i = 0; i < 200; i++) {
            queue.append(message(i));
        }
        publisher = new QueuePublisher(queue, settings(List.of(broker.uri()), 100));
        long start = System.nanoTime();
        publisher.start();
        assertTrue(subscriber.awaitDistinct(200, 20, TimeUnit.SECONDS));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 1.8, "200 messages at 100/s took only " + seconds + " s");
        assertTrue(seconds < 5, "200 messages at 100/s took " + seconds + " s");
        assertEquals(expected(0, 200), subscriber.received());
    }

    @Test
    void liveMessagesOvertakeARateLimitedBacklog() throws Exception {
        for (int i = 0; i < 200; i++) {
            queue.append(message(i));
        }
        publisher = new QueuePublisher(queue, settings(List.of(broker.uri()), 50)); // backlog takes 4 s
        publisher.start();
        // the backlog is what was queued when the connection came up: wait until it is draining
        await("backlog draining", () -> !subscriber.received().isEmpty());
        publisher.publishNow(new OutboundMessage("test/data", "live".getBytes(StandardCharsets.UTF_8), 1,
                MessageKind.TELEMETRY, System.currentTimeMillis()));
        await("live message", () -> subscriber.received().contains("live"));
        long backlogBefore = subscriber.received().indexOf("live");
        assertTrue(backlogBefore < 150, "live waited behind " + backlogBefore + " backlog messages");

        assertTrue(subscriber.awaitDistinct(201, 20, TimeUnit.SECONDS));
        assertEquals(expected(0, 200), subscriber.received().stream().filter(m -> !m.equals("live")).toList(),
                "the backlog keeps its order");
    }

    @Test
    void appendsWhileTheBrokerIsDownDoNotCutTheBackOffShort() throws Exception {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        ConnectionHooks counting = new ConnectionHooks() {
            @Override
            public MqttSettings.Will willForNextConnect() {
                attempts.incrementAndGet(); // once per connect attempt
                return null;
            }

            @Override
            public List<OutboundMessage> onConnected() {
                return List.of();
            }
        };
        String dead = "tcp://127.0.0.1:" + MosquittoBroker.freePort();
        publisher = new QueuePublisher(queue, MqttSettings.of(List.of(dead), "gateway-test")
                .withReconnect(Duration.ofSeconds(1), Duration.ofSeconds(4)), counting);
        publisher.start();
        for (int i = 0; i < 300; i++) { // telemetry keeps coming for 3 s
            publisher.publishNow(message(i));
            Thread.sleep(10);
        }
        assertTrue(attempts.get() <= 12, attempts.get() + " connect attempts in 3 s with back-off 1 s .. 4 s");
        assertEquals(300, publisher.backlog());
    }

    @Test
    void failsOverToTheNextServer() throws Exception {
        String dead = "tcp://127.0.0.1:" + MosquittoBroker.freePort();
        publisher = new QueuePublisher(queue, settings(List.of(dead, broker.uri()), 1000));
        publisher.start();
        await("connected", publisher::connected);
        assertEquals(broker.uri(), publisher.currentServer());
        publisher.publishNow(message(0));
        assertTrue(subscriber.awaitDistinct(1, 10, TimeUnit.SECONDS));
    }

    @Test
    void brokerKilledMidStreamLosesNothing() throws Exception {
        gate = new TcpGate(broker.port());
        publisher = new QueuePublisher(queue, settings(List.of(gate.uri()), 2000));
        publisher.start();
        publishFirstOnceConnected();
        int total = 600;
        Thread producer = new Thread(() -> {
            for (int i = 1; i < total; i++) {
                publisher.publishNow(message(i)); // local side never waits for the broker
                if (i % 10 == 0) {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        producer.start();
        await("stream under way", () -> subscriber.received().size() >= 150);
        gate.shut();
        // what the broker acknowledged is the broker's to deliver: killing a non-persistent broker before it has
        // would lose it on the broker's side, which no gateway can prevent; everything else must still arrive
        long acknowledged = publisher.published();
        await("broker delivered what it acknowledged", () -> subscriber.distinct().size() >= acknowledged);
        broker.kill();
        Thread.sleep(300);
        // all produced before the reconnect, so all of it is backlog, which keeps its order; what is produced after
        // the next births would be live and might overtake the backlog (LaneBoundaryTest)
        producer.join();
        broker.start();
        subscriber.connect();
        gate.open();
        assertTrue(subscriber.awaitDistinct(total, 30, TimeUnit.SECONDS),
                "received " + subscriber.distinct().size() + " of " + total);
        assertEquals(expected(0, total).stream().sorted().toList(), subscriber.distinct().stream().sorted().toList());
        List<String> firsts = subscriber.distinct();
        assertEquals(expected(0, total), firsts, "first arrivals in order");
        await("queue empty", () -> publisher.backlog() == 0);
        assertFalse(queue.overCapacity());
    }

    /** Births first on every connection, ahead of the backlog; a new will per connection; commands delivered. */
    @Test
    void hooksRunPerConnectionAndTheirMessagesPrecedeTheBacklog() throws Exception {
        java.util.concurrent.atomic.AtomicInteger connection = new java.util.concurrent.atomic.AtomicInteger();
        List<String> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean mayConnect = new java.util.concurrent.atomic.AtomicBoolean(true);
        ConnectionHooks hooks = new ConnectionHooks() {
            @Override
            public MqttSettings.Will willForNextConnect() {
                if (!mayConnect.get()) {
                    throw new IllegalStateException("test holds the connection back"); // backs off, retries
                }
                return new MqttSettings.Will("test/will", ("will" + connection.incrementAndGet())
                        .getBytes(StandardCharsets.UTF_8), 1, false);
            }

            @Override
            public List<OutboundMessage> onConnected() {
                return List.of(new OutboundMessage("test/birth", ("birth" + connection.get())
                        .getBytes(StandardCharsets.UTF_8), 1, MessageKind.BIRTH, System.currentTimeMillis()));
            }

            @Override
            public List<String> subscriptions() {
                return List.of("cmd/gateway-test");
            }

            @Override
            public void messageArrived(String topic, byte[] payload) {
                commands.add(new String(payload, StandardCharsets.UTF_8));
            }

            @Override
            public OutboundMessage beforePublish(OutboundMessage m) {
                String text = new String(m.payload(), StandardCharsets.UTF_8);
                return text.equals("skip") ? null : new OutboundMessage(m.topic(),
                        (text + "@" + connection.get()).getBytes(StandardCharsets.UTF_8), 1, m.kind(), m.createdMillis());
            }
        };
        // backlog queued before the first connection
        queue.append(message(0));
        queue.append(new OutboundMessage("test/data", "skip".getBytes(StandardCharsets.UTF_8), 1,
                MessageKind.TELEMETRY, System.currentTimeMillis()));
        queue.append(message(1));
        publisher = new QueuePublisher(queue, settings(List.of(broker.uri()), 10_000), hooks);
        publisher.start();
        assertTrue(subscriber.awaitDistinct(3, 20, TimeUnit.SECONDS), "received " + subscriber.received());
        assertEquals(List.of("birth1", "m0@1", "m1@1"), subscriber.received(), "birth first, skipped one dropped");
        await("queue empty", () -> publisher.backlog() == 0);

        org.eclipse.paho.client.mqttv3.MqttClient c = new org.eclipse.paho.client.mqttv3.MqttClient(broker.uri(),
                "commander", new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
        c.connect();
        c.publish("cmd/gateway-test", "rebirth".getBytes(StandardCharsets.UTF_8), 1, false);
        c.disconnect();
        c.close();
        await("command delivered", () -> commands.contains("rebirth"));

        // outage: messages queued meanwhile come after the next connection's birth
        mayConnect.set(false);
        broker.kill();
        await("disconnected", () -> !publisher.connected());
        publisher.publishNow(message(2));
        broker.start();
        subscriber.connect();
        mayConnect.set(true);
        await("reconnected", publisher::connected);
        assertTrue(subscriber.awaitDistinct(5, 20, TimeUnit.SECONDS), "received " + subscriber.received());
        int n = connection.get();
        assertTrue(n >= 2, "a will per connection attempt, got " + n);
        List<String> got = subscriber.received(); // the subscriber keeps what it got before the outage
        assertEquals(List.of("birth" + n, "m2@" + n), got.subList(3, got.size()));
    }

    /** The broker up, the consumer (primary host) away: nothing leaves the queue, births included, until it is back. */
    @Test
    void nothingLeavesTheQueueWhileTheConsumerIsAwayThenBirthsAndTheBacklogGoOut() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean consumerThere = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        ConnectionHooks hooks = new ConnectionHooks() {
            @Override
            public MqttSettings.Will willForNextConnect() {
                connections.incrementAndGet();
                return null;
            }

            @Override
            public List<OutboundMessage> onConnected() {
                return List.of(text("birth" + connections.get()));
            }

            @Override
            public boolean mayPublish() {
                return consumerThere.get();
            }

            @Override
            public List<OutboundMessage> beforeDisconnect() {
                return List.of(text("death" + connections.get()));
            }
        };
        publisher = new QueuePublisher(queue, settings(List.of(broker.uri()), 10_000), hooks);
        publisher.start();
        await("connected", publisher::connected);
        IntStream.range(0, 20).forEach(i -> publisher.publishNow(message(i)));
        Thread.sleep(1500);
        assertEquals(20, publisher.backlog(), "connected, the broker up, the consumer away: all 20 stay queued");
        assertTrue(subscriber.received().isEmpty(), "not even the births: " + subscriber.received());

        consumerThere.set(true);
        assertTrue(subscriber.awaitDistinct(21, 20, TimeUnit.SECONDS), "received " + subscriber.received());
        assertEquals("birth" + connections.get(), subscriber.received().get(0), "births first");
        assertEquals(expected(0, 20), subscriber.received().subList(1, 21));

        // the consumer leaves: death certificate, disconnect, everything kept again until it is back
        consumerThere.set(false);
        assertTrue(subscriber.awaitDistinct(22, 20, TimeUnit.SECONDS), "received " + subscriber.received());
        assertTrue(subscriber.received().get(21).startsWith("death"), subscriber.received().toString());
        IntStream.range(20, 30).forEach(i -> publisher.publishNow(message(i)));
        Thread.sleep(1500);
        assertEquals(10, publisher.backlog(), "queued while the consumer is away again, none deleted");

        consumerThere.set(true);
        assertTrue(subscriber.awaitDistinct(33, 20, TimeUnit.SECONDS), "received " + subscriber.received());
        List<String> got = subscriber.received();
        assertTrue(got.get(22).startsWith("birth"), "a new birth when it is back: " + got);
        assertEquals(expected(20, 30), got.subList(23, 33));
    }

    private static OutboundMessage text(String text) {
        return new OutboundMessage("test/data", text.getBytes(StandardCharsets.UTF_8), 1, MessageKind.BIRTH,
                System.currentTimeMillis());
    }
}
