package io.containeredge.cloud.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The queue's thinning policy: delete the OLDEST telemetry rows, oldest first, until enough bytes
 * are freed; never touch alarms, audit records or birth and death certificates.
 *
 * <p>Why oldest-first rather than every other row: it keeps the most recent history (what the
 * operations centre needs first after a reconnect) at full resolution, and it never erases one
 * device's stream while keeping another's, which every-other-row does when devices are interleaved.
 * The cost is a gap at the start of a very long outage instead of a coarser record of all of it.
 */
final class TelemetryThinner {

    /** What one thinning deleted. */
    record Thinned(long rows, long bytes) {
        static final Thinned NOTHING = new Thinned(0, 0);
    }

    private static final int CHUNK = 256;

    private TelemetryThinner() {
    }

    /** Deletes, inside the caller's transaction, the oldest telemetry rows holding at least {@code needed} bytes. */
    static Thinned thinOldest(Connection db, long needed) throws SQLException {
        long freed = 0;
        long count = 0;
        long cutoff = -1;
        try (PreparedStatement p = db.prepareStatement(
                "SELECT id, size FROM outbound WHERE kind = ? AND id > ? ORDER BY id LIMIT " + CHUNK)) {
            boolean more = true;
            while (freed < needed && more) {
                p.setString(1, MessageKind.TELEMETRY.name());
                p.setLong(2, cutoff);
                int seen = 0;
                try (ResultSet r = p.executeQuery()) {
                    while (freed < needed && r.next()) {
                        cutoff = r.getLong(1);
                        freed += r.getLong(2);
                        count++;
                        seen++;
                    }
                }
                more = seen == CHUNK;
            }
        }
        if (count == 0) {
            return Thinned.NOTHING;
        }
        try (PreparedStatement p = db.prepareStatement("DELETE FROM outbound WHERE kind = ? AND id <= ?")) {
            p.setString(1, MessageKind.TELEMETRY.name());
            p.setLong(2, cutoff);
            p.executeUpdate();
        }
        try (PreparedStatement p = db.prepareStatement("UPDATE counter SET value = value + ? WHERE name = ?")) {
            p.setLong(1, count);
            p.setString(2, QueueDatabase.THINNED);
            p.executeUpdate();
        }
        return new Thinned(count, freed);
    }
}
