package io.containeredge.cloud.queue;

import io.containeredge.cloud.sqlite.SchemaMigration;
import io.containeredge.cloud.sqlite.SqliteStore;
import io.containeredge.cloud.sqlite.SqliteStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * The queue's SQLite file: its schema history and how it is opened. Kept apart from {@link OutboundQueue}
 * so the queue reads as queue semantics only.
 */
final class QueueDatabase {

    static final String THINNED = "thinned";

    /**
     * Step {@code n} turns schema version {@code n} into {@code n + 1}; append, never edit a released step.
     * Version 1 is the schema of the first release. Its statements keep {@code IF NOT EXISTS} because that
     * release created the tables before it set the version: a crash in between left a version-0 file
     * that already has them.
     */
    static final List<SchemaMigration> MIGRATIONS = List.of(
            new SchemaMigration("outbound messages and the thinned counter", List.of(
                    "CREATE TABLE IF NOT EXISTS outbound (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " topic TEXT NOT NULL, payload BLOB NOT NULL, qos INTEGER NOT NULL, kind TEXT NOT NULL,"
                            + " created INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, size INTEGER NOT NULL)",
                    // thinning looks for the oldest rows of one kind
                    "CREATE INDEX IF NOT EXISTS outbound_kind ON outbound (kind, id)",
                    "CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
                    "INSERT OR IGNORE INTO counter (name, value) VALUES ('" + THINNED + "', 0)")));

    private QueueDatabase() {
    }

    /**
     * Returns a connection in auto-commit mode, the schema up to date.
     *
     * @throws QueueException with the file name and the reason when the file is unusable
     */
    static Connection open(Path file) {
        try {
            return SqliteStore.open(file, "outbound queue", MIGRATIONS);
        } catch (SqliteStoreException e) {
            throw new QueueException(e.getMessage(), e);
        }
    }
}
