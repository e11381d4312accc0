package io.containeredge.cloud.mqtt;

import static io.containeredge.cloud.mqtt.QueuePublisherTest.await;
import static io.containeredge.cloud.mqtt.QueuePublisherTest.message;
import static io.containeredge.cloud.mqtt.QueuePublisherTest.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.cloud.queue.OutboundQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the backlog ends: {@link QueuePublisher#connected()} turns true before the births went out, and the
 * backlog is everything queued until they did. A message queued in between is backlog, so a live message queued
 * just after it may reach the broker first (each lane keeps its order, the consumer orders across them by
 * timestamp). That is the order {@code [m1, m0, ...]} a test saw when it queued m0 right after connecting and
 * expected strict order: this test makes the interleaving deterministic instead of a matter of timing.
 */
class LaneBoundaryTest {

    @TempDir
    Path dir;

    @Test
    void aMessageQueuedWhileTheBirthsGoOutIsBacklogAndALiveOneMayOvertakeIt() throws Exception {
        MosquittoBroker broker = new MosquittoBroker(dir).start();
        try (OutboundQueue queue = OutboundQueue.open(dir.resolve("queue.db"), 64L << 20);
             TestSubscriber subscriber = new TestSubscriber(broker.uri()).connect()) {
            AtomicBoolean holdM0 = new AtomicBoolean(true);
            ConnectionHooks hooks = new ConnectionHooks() {
                @Override
                public MqttSettings.Will willForNextConnect() {
                    return null;
                }

                @Override
                public List<OutboundMessage> onConnected() {
                    queue.append(message(0)); // the application's append racing the births, at its earliest
                    return List.of(new OutboundMessage("test/birth", "birth".getBytes(StandardCharsets.UTF_8), 1,
                            MessageKind.BIRTH, System.currentTimeMillis()));
                }

                @Override
                public OutboundMessage beforePublish(OutboundMessage m) {
                    // m0 held in its lane (as a device not born yet would hold it) until the test has seen m1
                    boolean isM0 = new String(m.payload(), StandardCharsets.UTF_8).equals("m0");
                    return isM0 && holdM0.get() ? NOT_YET : m;
                }
            };
            try (QueuePublisher publisher = new QueuePublisher(queue, settings(List.of(broker.uri()), 10_000), hooks)) {
                publisher.start();
                await("births out", () -> subscriber.received().contains("birth"));
                publisher.publishNow(message(1));
                // were m0 live, m1 would wait behind it in the live lane and never arrive while m0 is held
                assertTrue(subscriber.awaitDistinct(2, 10, TimeUnit.SECONDS), "received " + subscriber.received());
                holdM0.set(false);
                assertTrue(subscriber.awaitDistinct(3, 10, TimeUnit.SECONDS), "received " + subscriber.received());
                assertEquals(List.of("birth", "m1", "m0"), subscriber.received(), "the live m1 ahead of the backlog m0");
                await("queue empty", () -> publisher.backlog() == 0);
            }
        } finally {
            broker.stop();
        }
    }
}
