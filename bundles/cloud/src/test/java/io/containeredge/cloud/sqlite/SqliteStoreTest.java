package io.containeredge.cloud.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema migrations of the SQLite stores: in order, all or nothing per step, never on a newer file. */
class SqliteStoreTest {

    private static final SchemaMigration CREATE = new SchemaMigration("notes",
            List.of("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"));
    private static final SchemaMigration ADD_AUTHOR = new SchemaMigration("author of a note",
            List.of("ALTER TABLE note ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown'"));
    private static final SchemaMigration ADD_INDEX = new SchemaMigration("notes by author",
            List.of("CREATE INDEX note_author ON note (author)"));

    @TempDir
    Path dir;

    @Test
    void aNewFileGetsEveryStepAndTheNewestVersion() throws Exception {
        Path file = dir.resolve("s.db");
        try (Connection db = SqliteStore.open(file, "test store", List.of(CREATE, ADD_AUTHOR))) {
            assertTrue(db.getAutoCommit());
            try (Statement s = db.createStatement()) {
                s.execute("INSERT INTO note (text, author) VALUES ('x', 'ann')");
                assertEquals("2", SqliteStore.single(s, "PRAGMA user_version"));
                assertEquals("wal", SqliteStore.single(s, "PRAGMA journal_mode"));
                assertEquals("2", SqliteStore.single(s, "PRAGMA synchronous"), "FULL");
                assertEquals("exclusive", SqliteStore.single(s, "PRAGMA locking_mode"));
            }
        }
    }

    @Test
    void onlyTheStepsAfterTheFilesVersionRunAndTheDataStays() throws Exception {
        Path file = dir.resolve("s.db");
        try (Connection db = SqliteStore.open(file, "test store", List.of(CREATE));
             Statement s = db.createStatement()) {
            s.execute("INSERT INTO note (text) VALUES ('kept')");
        }
        // CREATE would fail if it ran again on the existing table
        try (Connection db = SqliteStore.open(file, "test store", List.of(CREATE, ADD_AUTHOR, ADD_INDEX));
             Statement s = db.createStatement()) {
            assertEquals("3", SqliteStore.single(s, "PRAGMA user_version"));
            assertEquals("kept unknown", SqliteStore.single(s, "SELECT text || ' ' || author FROM note"));
            assertEquals("1", SqliteStore.single(s, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'note_author'"));
        }
    }

    @Test
    void aStepThatFailsHalfWayLeavesTheOldVersionAndItsData() throws Exception {
        Path file = dir.resolve("s.db");
        try (Connection db = SqliteStore.open(file, "test store", List.of(CREATE));
             Statement s = db.createStatement()) {
            s.execute("INSERT INTO note (text) VALUES ('one'), ('two')");
        }
        SchemaMigration breaksAfterItsFirstStatement = new SchemaMigration("breaks half-way", List.of(
                "ALTER TABLE note ADD COLUMN author TEXT",
                "DELETE FROM note WHERE text = 'one'",
                "INSERT INTO no_such_table VALUES (1)"));
        SqliteStoreException e = assertThrows(SqliteStoreException.class,
                () -> SqliteStore.open(file, "test store", List.of(CREATE, breaksAfterItsFirstStatement)));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("1 -> 2 (breaks half-way) failed, the file stays at version 1"),
                e.getMessage());

        try (Connection db = plainConnection(file); Statement s = db.createStatement()) {
            assertEquals("1", SqliteStore.single(s, "PRAGMA user_version"));
            assertEquals(List.of("id", "text"), columns(s, "note"), "the added column was rolled back");
            assertEquals("one,two", SqliteStore.single(s, "SELECT group_concat(text) FROM note ORDER BY id"));
        }
        try (Connection db = SqliteStore.open(file, "test store", List.of(CREATE, ADD_AUTHOR));
             Statement s = db.createStatement()) {
            assertEquals("2", SqliteStore.single(s, "PRAGMA user_version"), "a corrected step runs later");
        }
    }

    @Test
    void aFileOfANewerVersionIsRefusedAndLeftByteForByte() throws Exception {
        Path file = dir.resolve("s.db");
        // as a newer release might leave it: a journal mode of its own, a version this code does not know
        try (Connection db = plainConnection(file); Statement s = db.createStatement()) {
            s.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL, lang TEXT)");
            s.execute("INSERT INTO note (text, lang) VALUES ('from the future', 'en')");
            s.execute("PRAGMA user_version=3");
        }
        byte[] before = Files.readAllBytes(file);

        SqliteStoreException e = assertThrows(SqliteStoreException.class,
                () -> SqliteStore.open(file, "test store", List.of(CREATE, ADD_AUTHOR)));
        assertTrue(e.getMessage().startsWith("test store " + file + " has schema version 3, newer than 2"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertFalse(Files.exists(dir.resolve("s.db-wal")), "not even a write-ahead log was started");
    }

    @Test
    void aNewerVersionStillOnlyInTheWriteAheadLogIsRefusedToo() throws Exception {
        Path file = dir.resolve("s.db");
        try (Connection db = SqliteStore.open(file, "test store", List.of(CREATE))) {
            assertEquals(1, userVersion(db));
        }
        // a newer release migrated and was killed before any checkpoint: only the log holds version 5
        try (Connection newer = plainConnection(file); Statement s = newer.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("PRAGMA user_version=5");
            Files.copy(file, dir.resolve("killed.db"));
            Files.copy(dir.resolve("s.db-wal"), dir.resolve("killed.db-wal"));
        }
        Path killed = dir.resolve("killed.db");
        SqliteStoreException e = assertThrows(SqliteStoreException.class,
                () -> SqliteStore.open(killed, "test store", List.of(CREATE)));
        assertTrue(e.getMessage().contains("has schema version 5, newer than 1"), e.getMessage());
        try (Connection db = plainConnection(killed)) {
            assertEquals(5, userVersion(db), "still the newer release's file");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedWithWhatItHoldsAndItsName() throws Exception {
        Path file = dir.resolve("s.db");
        Files.writeString(file, "plain text, long enough to look like a header to anyone but SQLite ".repeat(3));
        SqliteStoreException e = assertThrows(SqliteStoreException.class,
                () -> SqliteStore.open(file, "test store", List.of(CREATE)));
        assertTrue(e.getMessage().startsWith("test store " + file + " cannot be opened"), e.getMessage());
    }

    private static Connection plainConnection(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static int userVersion(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            return Integer.parseInt(SqliteStore.single(s, "PRAGMA user_version"));
        }
    }

    private static List<String> columns(Statement s, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet r = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (r.next()) {
                names.add(r.getString("name"));
            }
        }
        return names;
    }
}
