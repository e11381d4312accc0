package io.containeredge.cloud.bench;

import io.containeredge.cloud.mqtt.MqttSettings;
import io.containeredge.cloud.mqtt.QueuePublisher;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.cloud.queue.OutboundQueue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Live throughput of the gateway's cloud path against a real broker: a producer appends PDU DDATA
 * to a fresh {@link OutboundQueue} (one fsynced SQLite commit per message, as the gateway does) and
 * a {@link QueuePublisher} sends it with QoS 1. Counted is what the broker acknowledged (PUBACK) while
 * the producer ran, so the figure includes the append, the publish and the removal after the ack.
 *
 * <p>The producer keeps at most {@value #MAX_BACKLOG} messages queued: it measures how fast the path
 * keeps up, not how fast SQLite can grow a backlog. Drain rate and in-flight window are set far above
 * the gateway's defaults so that neither caps the figure.
 */
final class ThroughputRun {

    private static final int MAX_BACKLOG = 2000;
    private static final int MAX_IN_FLIGHT = 1000;
    private static final double UNLIMITED_DRAIN_PER_S = 1_000_000;
    private static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(15);
    /** How long the producer waits when the backlog is full; short against one fsync. */
    private static final long BACKLOG_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    /** The gateway's default queue capacity; never reached with the bounded backlog. */
    private static final long CAPACITY_BYTES = 256L << 20;

    private ThroughputRun() {
    }

    /** @return the process exit code: 0, or 1 when the broker could not be reached */
    static int run(String brokerUri, long seconds) throws IOException {
        Path dir = Files.createTempDirectory("cloud-bench-throughput");
        try (OutboundQueue queue = OutboundQueue.open(dir.resolve("outbound.db"), CAPACITY_BYTES)) {
            QueuePublisher publisher = new QueuePublisher(queue, settings(brokerUri));
            try {
                publisher.start();
                if (!awaitConnected(publisher)) {
                    System.err.println("error: no connection to " + brokerUri + " within "
                            + TimeUnit.NANOSECONDS.toSeconds(CONNECT_TIMEOUT_NANOS) + " s");
                    return 1;
                }
                produce(publisher, seconds);
                return 0;
            } finally {
                publisher.close();
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void produce(QueuePublisher publisher, long seconds) {
        PduTelemetry pdu = new PduTelemetry();
        long appended = 0;
        long payloadBytes = 0;
        long backlogMax = 0;
        long ackedBefore = publisher.published();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            long backlog = publisher.backlog();
            backlogMax = Math.max(backlogMax, backlog);
            if (backlog < MAX_BACKLOG) {
                OutboundMessage m = pdu.next(System.currentTimeMillis());
                publisher.publishNow(m);
                appended++;
                payloadBytes += m.payload().length;
            } else {
                LockSupport.parkNanos(BACKLOG_WAIT_NANOS);
            }
        }
        long acked = publisher.published() - ackedBefore;
        double elapsed = (System.nanoTime() - start) / 1e9;
        Figures.print("seconds", elapsed);
        Figures.print("appended", appended);
        Figures.print("acknowledged", acked);
        Figures.print("payload_bytes_per_message", appended == 0 ? 0.0 : (double) payloadBytes / appended);
        Figures.print("metrics_per_message", PduTelemetry.CHANNELS);
        Figures.print("messages_per_s", acked / elapsed);
        // every message carries all channels (see PduTelemetry), so this is exact
        Figures.print("metrics_per_s", acked * PduTelemetry.CHANNELS / elapsed);
        // far below the bound: the producer (encode + fsynced append) limits; at the bound: the publisher
        Figures.print("backlog_max", backlogMax);
    }

    private static MqttSettings settings(String brokerUri) {
        return new MqttSettings(List.of(brokerUri), "containeredge-bench-" + ProcessHandle.current().pid(), null, null,
                null, 30, 10, Duration.ofMillis(100), Duration.ofSeconds(2), UNLIMITED_DRAIN_PER_S, MAX_IN_FLIGHT, null);
    }

    private static boolean awaitConnected(QueuePublisher publisher) {
        long deadline = System.nanoTime() + CONNECT_TIMEOUT_NANOS;
        while (!publisher.connected() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return publisher.connected();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
