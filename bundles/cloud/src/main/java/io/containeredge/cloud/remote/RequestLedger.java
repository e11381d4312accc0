package io.containeredge.cloud.remote;

import io.containeredge.cloud.sqlite.SchemaMigration;
import io.containeredge.cloud.sqlite.SqliteStore;
import io.containeredge.cloud.sqlite.SqliteStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Which request ids were seen and what they were answered, so a repeated id is never executed twice:
 * not after a reconnect (QoS 1 delivers again), not after a restart, not after {@code kill -9}.
 *
 * <p>An id is claimed (written and fsynced) <em>before</em> its action runs and answered after. An id
 * still {@code executing} when the ledger is opened again was cut off by a stop or crash: it becomes
 * {@code interrupted} and is never executed again. Entries are kept until their {@code keepUntil}
 * (the request's expiry plus a margin), then {@link #prune}d.
 *
 * <p>SQLite in its own file, opened by {@link SqliteStore}: WAL with {@code synchronous=FULL} (every
 * commit is on disk when it returns), an exclusive lock so a second gateway on the same file fails at once.
 * Thread-safe: every method is synchronized.
 */
public final class RequestLedger implements AutoCloseable {

    /** Where an id stands. */
    enum State {
        /** Not seen before: claimed now, the caller executes it. */
        NEW,
        /** Being executed by this process; its answer follows. */
        EXECUTING,
        /** Was being executed when the gateway stopped; not executed again. */
        INTERRUPTED,
        /** Answered; the stored reply is the answer to any repeat. */
        ANSWERED;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param replyJson the stored reply when {@link State#ANSWERED}, else null */
    record Claim(State state, String replyJson) {
    }

    /**
     * Step {@code n} turns schema version {@code n} into {@code n + 1}; append, never edit a released step.
     * The first release wrote this schema without setting a version, so its files are version 0 with the
     * table in place: {@code IF NOT EXISTS} lets step 0 adopt them with every entry.
     */
    static final List<SchemaMigration> MIGRATIONS = List.of(
            new SchemaMigration("requests by id", List.of(
                    "CREATE TABLE IF NOT EXISTS requests (id TEXT PRIMARY KEY, keep_until INTEGER NOT NULL,"
                            + " state TEXT NOT NULL, reply TEXT)",
                    "CREATE INDEX IF NOT EXISTS requests_keep ON requests (keep_until)")));

    private final Path file;
    private final Connection db;

    private RequestLedger(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /**
     * Opens (creating if absent) the ledger in {@code file}.
     *
     * @throws IllegalStateException with the file and the reason when it is unusable (corrupted, locked, written
     *                               by a newer release: then left unchanged)
     */
    public static RequestLedger open(Path file) {
        Connection db = null;
        try {
            db = SqliteStore.open(file, "request ledger", MIGRATIONS);
            try (Statement s = db.createStatement()) {
                s.executeUpdate("UPDATE requests SET state = '" + State.INTERRUPTED.key() + "' WHERE state = '"
                        + State.EXECUTING.key() + "'");
            }
            return new RequestLedger(file, db);
        } catch (SqliteStoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (SQLException e) {
            closeQuietly(db);
            throw new IllegalStateException("request ledger " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Claims {@code id} for execution if it was never seen, atomically.
     *
     * @param keepUntilMillis when the entry may be pruned
     * @return {@link State#NEW} when claimed now, else where the earlier request with this id stands
     * @throws SQLException when the claim could not be stored: the request must then not be executed
     */
    synchronized Claim claim(String id, long keepUntilMillis) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT OR IGNORE INTO requests (id, keep_until, state) VALUES (?, ?, ?)")) {
            insert.setString(1, id);
            insert.setLong(2, keepUntilMillis);
            insert.setString(3, State.EXECUTING.key());
            if (insert.executeUpdate() == 1) {
                return new Claim(State.NEW, null);
            }
        }
        try (PreparedStatement select = db.prepareStatement("SELECT state, reply FROM requests WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("request " + id + " neither inserted nor found");
                }
                return new Claim(State.valueOf(r.getString(1).toUpperCase(Locale.ROOT)), r.getString(2));
            }
        }
    }

    /** Stores the reply of a claimed id: from now on the answer to any repeat. */
    synchronized void answer(String id, String replyJson) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE requests SET state = ?, reply = ? WHERE id = ?")) {
            update.setString(1, State.ANSWERED.key());
            update.setString(2, replyJson);
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    /** Forgets entries whose keep-until has passed; returns how many. */
    synchronized int prune(long nowMillis) throws SQLException {
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM requests WHERE keep_until < ?")) {
            delete.setLong(1, nowMillis);
            return delete.executeUpdate();
        }
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        closeQuietly(db);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing after use or after a failure: nothing left to save
            }
        }
    }
}
