package io.containeredge.cloud.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboundQueueTest {

    @TempDir
    Path dir;

    private static OutboundMessage msg(String topic, String body, MessageKind kind) {
        return new OutboundMessage(topic, body.getBytes(StandardCharsets.UTF_8), 1, kind, 1_700_000_000_000L);
    }

    private static List<String> bodies(List<OutboundQueue.Stored> stored) {
        return stored.stream().map(s -> new String(s.message().payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void keepsOrderAndIdsIncrease() {
        try (OutboundQueue q = OutboundQueue.open(dir.resolve("q.db"), 1 << 20)) {
            long previous = 0;
            for (int i = 0; i < 20; i++) {
                long id = q.append(msg("t/a", "m" + i, i % 3 == 0 ? MessageKind.ALARM : MessageKind.TELEMETRY));
                assertTrue(id > previous, "ids strictly increase");
                previous = id;
            }
            List<OutboundQueue.Stored> all = q.peek(100);
            assertEquals(20, all.size());
            for (int i = 0; i < 20; i++) {
                assertEquals("m" + i, bodies(all).get(i));
            }
            assertEquals(List.of("m0", "m1", "m2"), bodies(q.peek(3)));
            assertEquals(List.of("m5", "m6"), bodies(q.peekAfter(all.get(4).id(), 2)));
            OutboundMessage first = all.get(0).message();
            assertEquals("t/a", first.topic());
            assertEquals(MessageKind.ALARM, first.kind());
            assertEquals(1, first.qos());
            assertEquals(1_700_000_000_000L, first.createdMillis());
        }
    }

    @Test
    void survivesReopenWithCountersAndAttempts() {
        Path file = dir.resolve("q.db");
        long lastId;
        try (OutboundQueue q = OutboundQueue.open(file, 1 << 20)) {
            q.append(msg("t", "a", MessageKind.TELEMETRY));
            lastId = q.append(msg("t", "bb", MessageKind.AUDIT));
            q.markAttempted(List.of(lastId));
            q.remove(lastId);
            lastId = q.append(msg("t", "ccc", MessageKind.BIRTH));
            q.markAttempted(List.of(lastId));
        }
        try (OutboundQueue q = OutboundQueue.open(file, 1 << 20)) {
            assertEquals(2, q.size());
            assertEquals(2 + 4, q.bytes(), "topic + payload bytes");
            List<OutboundQueue.Stored> all = q.peek(10);
            assertEquals(List.of("a", "ccc"), bodies(all));
            assertEquals(List.of(0, 1), all.stream().map(OutboundQueue.Stored::attempts).toList());
            long next = q.append(msg("t", "d", MessageKind.TELEMETRY));
            assertTrue(next > lastId, "an id is never reused, even after a restart");
        }
    }

    @Test
    void removeDeletesOnlyThatMessageAndIgnoresUnknownIds() {
        try (OutboundQueue q = OutboundQueue.open(dir.resolve("q.db"), 1 << 20)) {
            long a = q.append(msg("t", "a", MessageKind.TELEMETRY));
            long b = q.append(msg("t", "b", MessageKind.TELEMETRY));
            q.append(msg("t", "c", MessageKind.TELEMETRY));
            q.remove(b);
            q.removeAll(List.of(a, b, 999L));
            assertEquals(List.of("c"), bodies(q.peek(10)));
            assertEquals(1, q.size());
            assertEquals(2, q.bytes());
        }
    }

    @Test
    void thinsOldestTelemetryNeverAlarmsAndCountsPersistently() {
        Path file = dir.resolve("q.db");
        // each message is topic "t" (1 byte) + 9 payload bytes = 10 bytes; capacity holds 10 messages
        try (OutboundQueue q = OutboundQueue.open(file, 100)) {
            for (int i = 0; i < 10; i++) {
                MessageKind kind = i % 2 == 0 ? MessageKind.ALARM : MessageKind.TELEMETRY;
                q.append(msg("t", String.format("%s%08d", kind.name().charAt(0), i), kind));
            }
            assertEquals(100, q.bytes());
            q.append(msg("t", "T00000010", MessageKind.TELEMETRY));
            q.append(msg("t", "A00000011", MessageKind.AUDIT));
            assertEquals(2, q.thinnedCount());
            assertEquals(100, q.bytes());
            assertFalse(q.overCapacity());
            List<String> left = bodies(q.peek(100));
            assertFalse(left.contains("T00000001") || left.contains("T00000003"), "oldest telemetry went first");
            assertTrue(left.contains("T00000005"), "newer telemetry kept: " + left);
        }
        try (OutboundQueue q = OutboundQueue.open(file, 100)) {
            assertEquals(2, q.thinnedCount(), "the counter survives a restart");
            for (int i = 0; i < 10; i++) {
                q.append(msg("t", String.format("A%08d", 100 + i), MessageKind.ALARM));
            }
            List<String> left = bodies(q.peek(100));
            assertTrue(left.stream().noneMatch(s -> s.startsWith("T")), "all telemetry thinned: " + left);
            assertEquals(5 + 1 + 10, left.size(), "every alarm and audit record kept, over capacity");
            assertTrue(q.overCapacity());
            assertEquals(2 + 4, q.thinnedCount());
            assertEquals(left.stream().sorted().collect(Collectors.toList()), left, "still in order");
        }
    }

    @Test
    void garbageFileIsAClearError() throws Exception {
        Path file = dir.resolve("garbage.db");
        byte[] junk = new byte[8192];
        new java.util.Random(1).nextBytes(junk);
        Files.write(file, junk);
        QueueException e = assertThrows(QueueException.class, () -> OutboundQueue.open(file, 1000));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a database"), e.getMessage());
    }

    @Test
    void corruptedPagesAreAClearError() throws Exception {
        Path file = dir.resolve("q.db");
        try (OutboundQueue q = OutboundQueue.open(file, 1 << 20)) {
            for (int i = 0; i < 200; i++) {
                q.append(msg("t", "x".repeat(200), MessageKind.TELEMETRY));
            }
        }
        byte[] content = Files.readAllBytes(file);
        for (int i = 4096 + 16; i < content.length; i += 7) {
            content[i] = (byte) 0xA5; // keep the 100-byte header, smash the pages
        }
        Files.write(file, content);
        QueueException e = assertThrows(QueueException.class, () -> OutboundQueue.open(file, 1 << 20));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void secondOwnerIsRefused() {
        Path file = dir.resolve("q.db");
        try (OutboundQueue q = OutboundQueue.open(file, 1 << 20)) {
            q.append(msg("t", "a", MessageKind.TELEMETRY));
            QueueException e = assertThrows(QueueException.class, () -> OutboundQueue.open(file, 1 << 20));
            assertTrue(e.getMessage().contains("locked"), e.getMessage());
        }
    }

    @Test
    void payloadRoundTripsByteForByte() {
        byte[] payload = new byte[256];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        try (OutboundQueue q = OutboundQueue.open(dir.resolve("q.db"), 1 << 20)) {
            q.append(new OutboundMessage("spBv1.0/g/DDATA/n/d", payload, 2, MessageKind.TELEMETRY, 5));
            assertArrayEquals(payload, q.peek(1).get(0).message().payload());
            assertEquals(2, q.peek(1).get(0).message().qos());
        }
    }

    @Test
    void rejectsUnpublishableMessages() {
        assertThrows(IllegalArgumentException.class, () -> msg("a/+/b", "x", MessageKind.ALARM));
        assertThrows(IllegalArgumentException.class, () -> msg("", "x", MessageKind.ALARM));
        assertThrows(IllegalArgumentException.class,
                () -> new OutboundMessage("t", new byte[0], 0, MessageKind.ALARM, 0));
    }
}
