package io.containeredge.cloud.queue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens the queue's SQLite file with the settings its durability promise rests on, checks it and
 * creates the schema. Kept apart from {@link OutboundQueue} so the queue reads as queue semantics only.
 */
final class QueueDatabase {

    static final String THINNED = "thinned";
    private static final int SCHEMA_VERSION = 1;

    private QueueDatabase() {
    }

    /**
     * Returns a connection in manual-commit mode.
     *
     * @throws QueueException with the file name and the reason when the file is unusable
     */
    static Connection open(Path file) {
        Connection db = null;
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            configure(db, file);
            db.setAutoCommit(false);
            return db;
        } catch (SQLException e) {
            closeQuietly(db);
            throw new QueueException("outbound queue " + file + " cannot be opened (not a SQLite database,"
                    + " corrupted, or locked by another process): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
    }

    private static void configure(Connection db, Path file) throws SQLException {
        try (Statement s = db.createStatement()) {
            // One owner: a second gateway instance on the same file would corrupt the in-memory counters
            // and interleave deliveries; with an exclusive lock it fails at open with "database is locked".
            s.execute("PRAGMA locking_mode=EXCLUSIVE");
            // WAL + synchronous=FULL: every commit is fsynced before it returns, so an acknowledged append
            // survives power loss, and a crash mid-write never damages earlier commits.
            if (!"wal".equalsIgnoreCase(single(s, "PRAGMA journal_mode=WAL"))) {
                throw new QueueException("outbound queue " + file + ": SQLite refused WAL journal mode");
            }
            s.execute("PRAGMA synchronous=FULL");
            // quick_check reads every page once: a torn or overwritten file is reported here, at start,
            // instead of failing some later append in the middle of an outage.
            String check = single(s, "PRAGMA quick_check");
            if (!"ok".equals(check)) {
                throw new QueueException("outbound queue " + file + " is corrupted: " + check);
            }
            int version = Integer.parseInt(single(s, "PRAGMA user_version"));
            if (version != 0 && version != SCHEMA_VERSION) {
                throw new QueueException("outbound queue " + file + " has unknown schema version " + version);
            }
            s.execute("CREATE TABLE IF NOT EXISTS outbound (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " topic TEXT NOT NULL, payload BLOB NOT NULL, qos INTEGER NOT NULL, kind TEXT NOT NULL,"
                    + " created INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, size INTEGER NOT NULL)");
            // thinning looks for the oldest rows of one kind
            s.execute("CREATE INDEX IF NOT EXISTS outbound_kind ON outbound (kind, id)");
            s.execute("CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
            s.execute("INSERT OR IGNORE INTO counter (name, value) VALUES ('" + THINNED + "', 0)");
            s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
        }
    }

    /** First column of the first row of a one-row query, as text. */
    static String single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            if (!r.next()) {
                throw new SQLException("no result from " + sql);
            }
            return r.getString(1);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing with the error that matters
            }
        }
    }
}
