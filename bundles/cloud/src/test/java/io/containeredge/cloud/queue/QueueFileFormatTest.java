package io.containeredge.cloud.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queue files written by earlier and later releases: kept with every row, or refused and left alone. */
class QueueFileFormatTest {

    @TempDir
    Path dir;

    /**
     * A queue file exactly as the first release (schema version 1) wrote it: its open sequence and its
     * inserts, copied here as a fixture. Never change it to match the current code.
     */
    private static void writeFirstReleaseQueue(Path file) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = db.createStatement()) {
            s.execute("PRAGMA locking_mode=EXCLUSIVE");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA quick_check");
            s.execute("PRAGMA user_version");
            s.execute("CREATE TABLE IF NOT EXISTS outbound (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " topic TEXT NOT NULL, payload BLOB NOT NULL, qos INTEGER NOT NULL, kind TEXT NOT NULL,"
                    + " created INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, size INTEGER NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS outbound_kind ON outbound (kind, id)");
            s.execute("CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
            s.execute("INSERT OR IGNORE INTO counter (name, value) VALUES ('thinned', 0)");
            s.execute("PRAGMA user_version=1");
            db.setAutoCommit(false);
            try (PreparedStatement p = db.prepareStatement("INSERT INTO outbound (topic, payload, qos, kind, created,"
                    + " size) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert(p, "spBv1.0/site/DDATA/c-01/cdu", new byte[] {0, 1, 2, (byte) 0xFF}, 0, "TELEMETRY", 1_000);
                insert(p, "containeredge/site/c-01/alarm", "{\"id\":\"a-1\"}".getBytes(StandardCharsets.UTF_8), 1,
                        "ALARM", 2_000);
                insert(p, "containeredge/site/c-01/audit", "{\"sequence\":7}".getBytes(StandardCharsets.UTF_8), 1,
                        "AUDIT", 3_000);
            }
            s.execute("DELETE FROM outbound WHERE id = 1");
            s.execute("UPDATE counter SET value = value + 1 WHERE name = 'thinned'");
            s.execute("UPDATE outbound SET attempts = attempts + 1 WHERE id = 2");
            db.commit();
        }
    }

    private static void insert(PreparedStatement p, String topic, byte[] payload, int qos, String kind, long created)
            throws SQLException {
        p.setString(1, topic);
        p.setBytes(2, payload);
        p.setInt(3, qos);
        p.setString(4, kind);
        p.setLong(5, created);
        p.setLong(6, topic.getBytes(StandardCharsets.UTF_8).length + (long) payload.length);
        p.executeUpdate();
    }

    @Test
    void aQueueOfTheFirstReleaseOpensWithItsRowsCountersAndIds() throws Exception {
        Path file = dir.resolve("outbound.db");
        writeFirstReleaseQueue(file);
        try (OutboundQueue q = OutboundQueue.open(file, 1 << 20)) {
            List<OutboundQueue.Stored> rows = q.peek(10);
            assertEquals(List.of(2L, 3L), rows.stream().map(OutboundQueue.Stored::id).toList());
            assertEquals("containeredge/site/c-01/alarm", rows.get(0).message().topic());
            assertArrayEquals("{\"id\":\"a-1\"}".getBytes(StandardCharsets.UTF_8), rows.get(0).message().payload());
            assertEquals(MessageKind.ALARM, rows.get(0).message().kind());
            assertEquals(2_000, rows.get(0).message().createdMillis());
            assertEquals(1, rows.get(0).attempts());
            assertEquals(MessageKind.AUDIT, rows.get(1).message().kind());
            assertEquals(2, q.size());
            assertEquals(1, q.thinnedCount(), "the thinned counter survives the upgrade");
            assertEquals(("containeredge/site/c-01/alarm{\"id\":\"a-1\"}containeredge/site/c-01/audit{\"sequence\":7}")
                    .length(), q.bytes());
            long next = q.append(new OutboundMessage("t", new byte[] {1}, 1, MessageKind.TELEMETRY, 4_000));
            assertEquals(4, next, "ids go on after the highest ever given, also the removed one");
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            r.next();
            assertEquals(1, r.getInt(1), "the released schema is still the newest");
        }
    }

    @Test
    void aQueueOfANewerReleaseIsRefusedAndLeftUnchanged() throws Exception {
        Path file = dir.resolve("outbound.db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = db.createStatement()) {
            s.execute("CREATE TABLE outbound (id INTEGER PRIMARY KEY, topic TEXT, payload BLOB, priority INTEGER)");
            s.execute("INSERT INTO outbound (topic, payload, priority) VALUES ('t', x'00', 5)");
            s.execute("PRAGMA user_version=" + (QueueDatabase.MIGRATIONS.size() + 1));
        }
        byte[] before = Files.readAllBytes(file);
        QueueException e = assertThrows(QueueException.class, () -> OutboundQueue.open(file, 1 << 20));
        assertTrue(e.getMessage().contains("outbound queue " + file + " has schema version "
                + (QueueDatabase.MIGRATIONS.size() + 1) + ", newer than " + QueueDatabase.MIGRATIONS.size()),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }
}
