package io.containeredge.cloud.queue;

import io.containeredge.cloud.sqlite.SqliteStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persistent FIFO of outbound MQTT messages on SQLite: a message is written here before it is
 * published and removed only after the broker acknowledged it, so neither a broker outage nor a
 * power cut loses it.
 *
 * <p>Durability: WAL journal with {@code synchronous=FULL}, so every commit is fsynced and an
 * {@link #append} that returned survives power loss. Ids come from {@code AUTOINCREMENT}, so they
 * are strictly increasing and never reused, even after the newest row was removed; consumers can
 * de-duplicate re-sent messages by them.
 *
 * <p>Capacity counts topic + payload bytes of the stored rows (the file carries SQLite's per-row and
 * per-page overhead on top). When an append would exceed it, the oldest telemetry rows are deleted,
 * oldest first, until the new message fits (see {@link TelemetryThinner} for why). Alarms, audit
 * records and births are never deleted: if only they remain, the append succeeds anyway and {@link #overCapacity()}
 * reports it. The number of thinned messages is stored in the same transaction, so it survives a
 * restart.
 *
 * <p>Thread-safe: one connection, every method synchronized. The file is opened with an exclusive
 * lock, so a second process (a second gateway instance) gets a clear error instead of interleaving.
 */
public final class OutboundQueue implements AutoCloseable {

    /** A queued message with its sequence id and how many times it was handed to the broker. */
    public record Stored(long id, OutboundMessage message, int attempts) {}

    private static final Logger LOG = LoggerFactory.getLogger(OutboundQueue.class);

    private final Path file;
    private final long capacityBytes;
    private final Connection db;
    private long rows;
    private long bytes;
    private long thinned;
    private boolean warnedOverCapacity;

    private OutboundQueue(Path file, long capacityBytes, Connection db) {
        this.file = file;
        this.capacityBytes = capacityBytes;
        this.db = db;
    }

    /**
     * Opens (creating if absent) the queue stored in {@code file}.
     *
     * @param capacityBytes topic + payload bytes above which the oldest telemetry is thinned
     * @throws QueueException if the file is not a SQLite database, is corrupted, is locked by another
     *                        process, was written by a newer release (left unchanged) or cannot be created
     */
    public static OutboundQueue open(Path file, long capacityBytes) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacityBytes);
        }
        OutboundQueue q = new OutboundQueue(file, capacityBytes, QueueDatabase.open(file));
        try (Statement s = q.db.createStatement()) {
            // every method commits its own work, so a batch costs one fsync
            q.db.setAutoCommit(false);
            q.rows = Long.parseLong(SqliteStore.single(s, "SELECT COUNT(*) FROM outbound"));
            q.bytes = Long.parseLong(SqliteStore.single(s, "SELECT COALESCE(SUM(size), 0) FROM outbound"));
            q.thinned = Long.parseLong(SqliteStore.single(s,
                    "SELECT value FROM counter WHERE name = '" + QueueDatabase.THINNED + "'"));
            q.db.commit();
            return q;
        } catch (SQLException e) {
            q.close();
            throw new QueueException("outbound queue " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Stores {@code m}; when this returns the message is on disk (fsynced).
     *
     * @return the message's sequence id, greater than every id returned before
     */
    public synchronized long append(OutboundMessage m) {
        long size = sizeOf(m);
        try {
            TelemetryThinner.Thinned thin = bytes + size > capacityBytes
                    ? TelemetryThinner.thinOldest(db, bytes + size - capacityBytes)
                    : TelemetryThinner.Thinned.NOTHING;
            long id;
            try (PreparedStatement p = db.prepareStatement("INSERT INTO outbound (topic, payload, qos, kind, created,"
                    + " size) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, m.topic());
                p.setBytes(2, m.payload());
                p.setInt(3, m.qos());
                p.setString(4, m.kind().name());
                p.setLong(5, m.createdMillis());
                p.setLong(6, size);
                p.executeUpdate();
                try (ResultSet k = p.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            db.commit();
            // counters change only after the commit, so a failed transaction leaves them true
            rows += 1 - thin.rows();
            bytes += size - thin.bytes();
            thinned += thin.rows();
            warnIfOverCapacity();
            return id;
        } catch (SQLException e) {
            throw rollback("append to", e);
        }
    }

    private void warnIfOverCapacity() {
        boolean over = bytes > capacityBytes;
        if (over && !warnedOverCapacity) {
            LOG.warn("outbound queue {} holds {} bytes, over its capacity of {}: only alarms, audit records and"
                    + " births remain, which are never dropped", file, bytes, capacityBytes);
        }
        warnedOverCapacity = over;
    }

    /** Up to {@code max} messages, oldest first. */
    public synchronized List<Stored> peek(int max) {
        return peekAfter(0, max);
    }

    /** Up to {@code max} messages with an id greater than {@code afterId}, oldest first. */
    public synchronized List<Stored> peekAfter(long afterId, int max) {
        return peekBetween(afterId, Long.MAX_VALUE, max);
    }

    /** Up to {@code max} messages with {@code afterId < id <= upToId}, oldest first. */
    public synchronized List<Stored> peekBetween(long afterId, long upToId, int max) {
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT id, topic, payload, qos, kind, created, attempts"
                + " FROM outbound WHERE id > ? AND id <= ? ORDER BY id LIMIT ?")) {
            p.setLong(1, afterId);
            p.setLong(2, upToId);
            p.setInt(3, max);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    OutboundMessage m = new OutboundMessage(r.getString(2), r.getBytes(3), r.getInt(4),
                            MessageKind.valueOf(r.getString(5)), r.getLong(6));
                    out.add(new Stored(r.getLong(1), m, r.getInt(7)));
                }
            }
            db.commit();
            return out;
        } catch (SQLException e) {
            throw rollback("read", e);
        }
    }

    /** The id of the newest queued message, 0 when the queue is empty. */
    public synchronized long newestId() {
        try (Statement s = db.createStatement()) {
            long id = Long.parseLong(SqliteStore.single(s, "SELECT COALESCE(MAX(id), 0) FROM outbound"));
            db.commit();
            return id;
        } catch (SQLException e) {
            throw rollback("read", e);
        }
    }

    /** Counts one more delivery attempt for each id, in one transaction (one fsync for a batch). */
    public synchronized void markAttempted(Collection<Long> ids) {
        try (PreparedStatement p = db.prepareStatement("UPDATE outbound SET attempts = attempts + 1 WHERE id = ?")) {
            for (long id : ids) {
                p.setLong(1, id);
                p.executeUpdate();
            }
            db.commit();
        } catch (SQLException e) {
            throw rollback("update", e);
        }
    }

    /** Removes the message after the broker acknowledged it; unknown ids (already thinned) are ignored. */
    public synchronized void remove(long id) {
        removeAll(List.of(id));
    }

    /** Removes acknowledged messages in one transaction (one fsync); unknown ids are ignored. */
    public synchronized void removeAll(Collection<Long> ids) {
        long removedRows = 0;
        long removedBytes = 0;
        try (PreparedStatement size = db.prepareStatement("SELECT size FROM outbound WHERE id = ?");
             PreparedStatement delete = db.prepareStatement("DELETE FROM outbound WHERE id = ?")) {
            for (long id : ids) {
                size.setLong(1, id);
                try (ResultSet r = size.executeQuery()) {
                    if (!r.next()) {
                        continue;
                    }
                    removedBytes += r.getLong(1);
                }
                delete.setLong(1, id);
                removedRows += delete.executeUpdate();
            }
            db.commit();
            rows -= removedRows;
            bytes -= removedBytes;
            warnIfOverCapacity();
        } catch (SQLException e) {
            throw rollback("remove from", e);
        }
    }

    /** Number of queued messages. */
    public synchronized long size() {
        return rows;
    }

    /** Topic + payload bytes of the queued messages (what the capacity limits). */
    public synchronized long bytes() {
        return bytes;
    }

    /** Telemetry messages deleted to stay within capacity, since the queue file was created. */
    public synchronized long thinnedCount() {
        return thinned;
    }

    /** True while the never-dropped kinds alone exceed the capacity. */
    public synchronized boolean overCapacity() {
        return bytes > capacityBytes;
    }

    public long capacityBytes() {
        return capacityBytes;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new QueueException("outbound queue " + file + " did not close cleanly: " + e.getMessage(), e);
        }
    }

    private static long sizeOf(OutboundMessage m) {
        return m.topic().getBytes(StandardCharsets.UTF_8).length + (long) m.payload().length;
    }

    private QueueException rollback(String action, SQLException e) {
        try {
            db.rollback();
        } catch (SQLException suppressed) {
            e.addSuppressed(suppressed);
        }
        return new QueueException("cannot " + action + " outbound queue " + file + ": " + e.getMessage(), e);
    }
}
