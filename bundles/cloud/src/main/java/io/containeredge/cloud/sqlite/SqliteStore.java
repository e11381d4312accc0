package io.containeredge.cloud.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens one of the gateway's SQLite files with the settings its durability promise rests on and
 * brings its schema up to date, so every store gets the same guarantees from the same code.
 *
 * <p>The schema version is SQLite's {@code PRAGMA user_version}; a store's list of
 * {@link SchemaMigration}s defines it: step {@code n} turns version {@code n} into {@code n + 1}, and the
 * newest version is the length of the list. Each step runs in one transaction with its version bump.
 * A file of a newer version than the list knows (written by a newer release, met again after a
 * rollback) is refused before anything is written to it.
 */
public final class SqliteStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
    /** The first 16 bytes of every SQLite database file. */
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** Where the main file's header keeps {@code user_version}, a big-endian int. */
    private static final int USER_VERSION_OFFSET = 60;

    private SqliteStore() {
    }

    /**
     * Opens (creating if absent) {@code file}, checks it and migrates it to the newest version of
     * {@code migrations}. Returns the connection in auto-commit mode, holding the file's exclusive lock.
     *
     * @param what what the file holds ("outbound queue"), for messages
     * @throws SqliteStoreException naming the file and the reason: not a database, corrupted, locked by
     *                              another process, of a newer schema version, or a migration failed
     */
    public static Connection open(Path file, String what, List<SchemaMigration> migrations)
            throws SqliteStoreException {
        String name = what + " " + file;
        // A newer file is recognised from its header alone, before SQLite may touch it at all.
        refuseNewer(name, versionInHeader(file), migrations.size());
        Connection db = null;
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                // One owner: a second gateway on the same file would interleave writes with ours; with
                // an exclusive lock it fails at the first read below with "database is locked".
                s.execute("PRAGMA locking_mode=EXCLUSIVE");
                // Checked again under the lock, before the journal mode is set (which writes the
                // header): this read also sees a version that is still only in the write-ahead log.
                int version = Integer.parseInt(single(s, "PRAGMA user_version"));
                refuseNewer(name, version, migrations.size());
                // WAL + synchronous=FULL: every commit is fsynced before it returns, so an acknowledged
                // write survives power loss, and a crash mid-write never damages earlier commits.
                if (!"wal".equalsIgnoreCase(single(s, "PRAGMA journal_mode=WAL"))) {
                    throw new SqliteStoreException(name + ": SQLite refused WAL journal mode");
                }
                s.execute("PRAGMA synchronous=FULL");
                // quick_check reads every page once: a torn or overwritten file is reported here, at
                // start, instead of failing some later write in the middle of an outage.
                String check = single(s, "PRAGMA quick_check");
                if (!"ok".equals(check)) {
                    throw new SqliteStoreException(name + " is corrupted: " + check);
                }
                migrate(db, s, name, version, migrations);
            }
            return db;
        } catch (SQLException e) {
            closeQuietly(db);
            throw new SqliteStoreException(name + " cannot be opened (not a SQLite database, corrupted, or locked"
                    + " by another process): " + e.getMessage(), e);
        } catch (SqliteStoreException | RuntimeException e) {
            // closing also undoes a migration step whose rollback failed
            closeQuietly(db);
            throw e;
        }
    }

    /** First column of the first row of a one-row query, as text. */
    public static String single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            if (!r.next()) {
                throw new SQLException("no result from " + sql);
            }
            return r.getString(1);
        }
    }

    private static void migrate(Connection db, Statement s, String name, int version, List<SchemaMigration> migrations)
            throws SQLException, SqliteStoreException {
        for (int from = version; from < migrations.size(); from++) {
            SchemaMigration step = migrations.get(from);
            db.setAutoCommit(false);
            try {
                for (String sql : step.statements()) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version=" + (from + 1));
                db.commit();
            } catch (SQLException e) {
                rollback(db, e);
                throw new SqliteStoreException(name + ": schema migration " + from + " -> " + (from + 1) + " ("
                        + step.purpose() + ") failed, the file stays at version " + from + ": " + e.getMessage(), e);
            }
            // only after the commit: switching back to auto-commit would commit a half-done step
            db.setAutoCommit(true);
            LOG.info("{}: schema version {} -> {} ({})", name, from, from + 1, step.purpose());
        }
    }

    private static void refuseNewer(String name, int version, int newest) throws SqliteStoreException {
        if (version > newest) {
            throw new SqliteStoreException(name + " has schema version " + version + ", newer than " + newest
                    + ", the newest this release knows: it was written by a newer release. The file is left"
                    + " unchanged; run that release again, or move the file aside to start empty.");
        }
    }

    /**
     * {@code user_version} as the main file's header states it, read without SQLite. 0 for a missing,
     * short or unreadable file or one that is not SQLite: opening it then creates it or reports why not.
     */
    private static int versionInHeader(Path file) {
        byte[] header = new byte[USER_VERSION_OFFSET + Integer.BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, header.length) < header.length) {
                return 0;
            }
        } catch (IOException e) {
            return 0;
        }
        if (!Arrays.equals(header, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0, SQLITE_MAGIC.length)) {
            return 0;
        }
        return ByteBuffer.wrap(header, USER_VERSION_OFFSET, Integer.BYTES).getInt();
    }

    private static void rollback(Connection db, SQLException cause) {
        try {
            db.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
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
