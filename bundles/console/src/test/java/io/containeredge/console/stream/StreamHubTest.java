package io.containeredge.console.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live stream's fan-out with real threads: a client that stops reading is dropped and delays nobody. */
class StreamHubTest {

    private static Thread start(StreamClient client, EventSink sink, long keepAliveMillis) {
        Thread t = new Thread(() -> client.run(sink, keepAliveMillis));
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void aStalledClientIsDroppedWhileTheOthersGetEveryEventAndPublishingNeverWaits() throws Exception {
        StreamHub hub = new StreamHub(5, 10);
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        StreamClient slow = hub.join().orElseThrow();
        Thread slowThread = start(slow, frame -> {
            // a browser that stopped reading: the write blocks
            stalled.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 60_000);
        List<String> received = new CopyOnWriteArrayList<>();
        StreamClient fast = hub.join().orElseThrow();
        Thread fastThread = start(fast, received::add, 60_000);

        hub.publish("overview", "{\"n\":0}");
        assertTrue(stalled.await(5, TimeUnit.SECONDS));
        long started = System.nanoTime();
        for (int i = 1; i < 100; i++) {
            hub.publish("overview", "{\"n\":" + i + "}");
            while (received.size() < i + 1) {
                Thread.onSpinWait();
            }
        }
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "publishing was held up");
        assertEquals(100, received.size(), "the reading client got every event");
        assertEquals("event: overview\ndata: {\"n\":99}\n\n", received.get(99));
        assertTrue(slow.dropped());
        assertEquals(1, hub.clients(), "the stalled client's place is free again");

        released.countDown();
        slowThread.join(5000);
        assertTrue(!slowThread.isAlive(), "the stalled client's thread ends once its write returns");
        hub.close();
        fastThread.join(5000);
        assertTrue(!fastThread.isAlive());
    }

    @Test
    void theHubTakesAtMostItsClientsAndALeaverMakesRoom() {
        StreamHub hub = new StreamHub(2, 10);
        StreamClient a = hub.join().orElseThrow();
        hub.join().orElseThrow();
        assertTrue(hub.join().isEmpty());
        hub.leave(a);
        assertTrue(a.dropped());
        assertTrue(hub.join().isPresent());
    }

    @Test
    void aNewClientGetsTheLatestFrameAtOnce() throws Exception {
        StreamHub hub = new StreamHub(2, 10);
        hub.publish("overview", "{\"n\":1}");
        hub.publish("overview", "{\"n\":2}");
        StreamClient c = hub.join().orElseThrow();
        List<String> received = new CopyOnWriteArrayList<>();
        Thread t = start(c, received::add, 60_000);
        while (received.isEmpty()) {
            Thread.onSpinWait();
        }
        assertEquals(List.of("event: overview\ndata: {\"n\":2}\n\n"), received);
        hub.leave(c);
        t.join(5000);
        assertTrue(!t.isAlive());
    }

    @Test
    void aQuietStreamSendsKeepAlivesAndABrokenConnectionEndsTheClient() throws Exception {
        StreamHub hub = new StreamHub(2, 10);
        StreamClient c = hub.join().orElseThrow();
        List<String> received = new CopyOnWriteArrayList<>();
        Thread t = start(c, frame -> {
            received.add(frame);
            if (received.size() == 2) {
                throw new IOException("connection reset");
            }
        }, 20);
        t.join(5000);
        assertEquals(List.of(StreamClient.KEEP_ALIVE, StreamClient.KEEP_ALIVE), received);
        assertTrue(c.dropped());
        hub.publish("overview", "{}");
        assertEquals(0, hub.clients(), "a client whose connection broke is removed at the next publish");
    }

    @Test
    void framesAreSingleDataLines() {
        assertEquals("event: overview\ndata: {\"a\":1}\n\n", StreamHub.frame("overview", "{\"a\":1}"));
        assertThrows(IllegalArgumentException.class, () -> StreamHub.frame("overview", "{\n}"));
    }
}
