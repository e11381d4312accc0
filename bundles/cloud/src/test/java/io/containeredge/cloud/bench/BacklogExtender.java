package io.containeredge.cloud.bench;

import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.cloud.queue.OutboundQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the outbound queue a gateway left after a short outage into the queue of a long one, and
 * measures it: the demo site's message and sample rate, and the disk bytes each queued sample costs.
 *
 * <p>The recording spans {@code first … last} (created times). Its rows created before {@code last}
 * are one period of the site's output: rate = those rows / span. Copies of that period are appended
 * through {@link OutboundQueue#append} (the gateway's own write path, capacity thinning included),
 * each shifted one more span into the past, until the queue covers the requested outage. Shifted
 * into the past, not the future, because the publisher treats what was created before its connection
 * as backlog (Sparkplug data marked historical); a future time would make the copies look live.
 * Payloads stay byte for byte what the gateway wrote, so bytes on disk and on the wire are real.
 * The copies follow the recording in the queue (ids are not in time order), which changes neither
 * the bytes nor the drain rate.
 */
final class BacklogExtender {

    private static final int PAGE = 1000;

    private BacklogExtender() {
    }

    /** @return the process exit code: 0, or 1 when the file is missing or the recording gives no rate */
    static int run(Path file, long outageSeconds, long capacityBytes) throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            System.err.println("error: " + file + " is not a file");
            return 1;
        }
        long queuedMessages;
        long queuedSamples;
        try (OutboundQueue queue = OutboundQueue.open(file, capacityBytes)) {
            List<OutboundMessage> recorded = readAll(queue);
            long first = recorded.stream().mapToLong(OutboundMessage::createdMillis).min().orElse(0);
            long last = recorded.stream().mapToLong(OutboundMessage::createdMillis).max().orElse(0);
            long span = last - first;
            if (span <= 0) {
                System.err.println("error: " + file + " holds " + recorded.size()
                        + " messages created over 0 ms; record for longer");
                return 1;
            }
            List<OutboundMessage> period = recorded.stream().filter(m -> m.createdMillis() < last).toList();
            Figures.print("recorded_messages", recorded.size());
            Figures.print("recorded_span_s", span / 1000.0);
            Figures.print("demo_messages_per_s", period.size() * 1000.0 / span);
            Figures.print("demo_samples_per_s", samples(period) * 1000.0 / span);

            long outageStart = Math.min(first, last - outageSeconds * 1000);
            long copies = appendCopies(queue, period, span, last, outageStart);
            List<OutboundMessage> queued = readAll(queue);
            queuedMessages = queued.size();
            queuedSamples = samples(queued);
            Figures.print("copies", copies);
            Figures.print("covered_s", (last - outageStart) / 1000.0);
            Figures.print("queued_messages", queuedMessages);
            Figures.print("queued_samples", queuedSamples);
            Figures.print("queued_payload_bytes", queue.bytes());
            Figures.print("thinned", queue.thinnedCount());
        }
        long disk = checkpointedSize(file);
        Figures.print("disk_bytes", disk);
        Figures.print("disk_bytes_per_message", (double) disk / queuedMessages);
        Figures.print("disk_bytes_per_sample", (double) disk / queuedSamples);
        return 0;
    }

    /**
     * The recording covers one span; each copy one more, ending where the previous one begins, the
     * oldest cut at the start of the outage. Oldest copy first. Returns the number of copies.
     */
    private static long appendCopies(OutboundQueue queue, List<OutboundMessage> period, long span, long last,
            long outageStart) {
        long copies = (last - outageStart + span - 1) / span - 1;
        for (long k = copies; k >= 1; k--) {
            for (OutboundMessage m : period) {
                long created = m.createdMillis() - k * span;
                if (created >= outageStart) {
                    queue.append(new OutboundMessage(m.topic(), m.payload(), m.qos(), m.kind(), created));
                }
            }
        }
        return copies;
    }

    private static List<OutboundMessage> readAll(OutboundQueue queue) {
        List<OutboundMessage> all = new ArrayList<>();
        List<OutboundQueue.Stored> page = queue.peek(PAGE);
        while (!page.isEmpty()) {
            page.forEach(s -> all.add(s.message()));
            page = page.size() < PAGE ? List.of() : queue.peekAfter(page.get(page.size() - 1).id(), PAGE);
        }
        return all;
    }

    private static long samples(List<OutboundMessage> messages) {
        return messages.stream().mapToLong(m -> MessageSamples.of(m.topic(), m.payload()).count()).sum();
    }

    /**
     * Bytes of the database and its WAL once everything is in the main file: what the queue occupies
     * at rest. Closing the queue checkpoints already; this makes sure, with plain JDBC on the closed
     * file, and changes no content.
     */
    private static long checkpointedSize(Path file) throws IOException, SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = db.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        return Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
    }
}
