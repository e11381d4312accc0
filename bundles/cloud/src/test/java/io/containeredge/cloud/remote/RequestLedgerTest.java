package io.containeredge.cloud.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestLedgerTest {

    @TempDir
    Path dir;

    @Test
    void anIdIsNewOnceThenExecutingThenAnswered() throws Exception {
        try (RequestLedger ledger = RequestLedger.open(dir.resolve("r.db"))) {
            assertEquals(RequestLedger.State.NEW, ledger.claim("a", 100).state());
            assertEquals(RequestLedger.State.EXECUTING, ledger.claim("a", 100).state());
            ledger.answer("a", "{\"status\":\"accepted\"}");
            RequestLedger.Claim again = ledger.claim("a", 100);
            assertEquals(RequestLedger.State.ANSWERED, again.state());
            assertEquals("{\"status\":\"accepted\"}", again.replyJson());
        }
    }

    @Test
    void pruningForgetsOnlyEntriesPastTheirKeepUntil() throws Exception {
        try (RequestLedger ledger = RequestLedger.open(dir.resolve("r.db"))) {
            ledger.claim("old", 100);
            ledger.claim("young", 300);
            assertEquals(1, ledger.prune(200));
            assertEquals(RequestLedger.State.NEW, ledger.claim("old", 100).state());
            assertEquals(RequestLedger.State.EXECUTING, ledger.claim("young", 300).state());
        }
    }

    @Test
    void aSecondGatewayOnTheSameFileFailsAtOnce() {
        try (RequestLedger first = RequestLedger.open(dir.resolve("r.db"))) {
            first.claim("a", 100);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> RequestLedger.open(dir.resolve("r.db")).close());
            assertTrue(e.getMessage().contains("cannot be opened"), e.getMessage());
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedWithItsName() throws Exception {
        Files.writeString(dir.resolve("r.db"), "this is not sqlite, just text that is long enough to be a header");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RequestLedger.open(dir.resolve("r.db")));
        assertTrue(e.getMessage().contains("r.db"), e.getMessage());
    }

    /**
     * A ledger exactly as the first release wrote it (it never set a schema version): its open sequence
     * and its writes, copied here as a fixture. Never change it to match the current code.
     */
    private static void writeFirstReleaseLedger(Path file) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = db.createStatement()) {
            s.execute("PRAGMA locking_mode=EXCLUSIVE");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("CREATE TABLE IF NOT EXISTS requests (id TEXT PRIMARY KEY, keep_until INTEGER NOT NULL,"
                    + " state TEXT NOT NULL, reply TEXT)");
            s.execute("CREATE INDEX IF NOT EXISTS requests_keep ON requests (keep_until)");
            s.execute("INSERT INTO requests (id, keep_until, state) VALUES ('done', 500, 'executing')");
            s.execute("UPDATE requests SET state = 'answered', reply = '{\"status\":\"accepted\"}' WHERE id = 'done'");
            s.execute("INSERT INTO requests (id, keep_until, state) VALUES ('cut-off', 600, 'executing')");
            s.execute("INSERT INTO requests (id, keep_until, state) VALUES ('old', 100, 'interrupted')");
        }
    }

    @Test
    void aLedgerOfTheFirstReleaseKeepsEveryEntry() throws Exception {
        Path file = dir.resolve("requests.db");
        writeFirstReleaseLedger(file);
        try (RequestLedger ledger = RequestLedger.open(file)) {
            RequestLedger.Claim done = ledger.claim("done", 500);
            assertEquals(RequestLedger.State.ANSWERED, done.state());
            assertEquals("{\"status\":\"accepted\"}", done.replyJson());
            assertEquals(RequestLedger.State.INTERRUPTED, ledger.claim("cut-off", 600).state());
            assertEquals(1, ledger.prune(200), "keep-until kept: only 'old' is due");
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            r.next();
            assertEquals(RequestLedger.MIGRATIONS.size(), r.getInt(1), "adopted as the first schema version");
        }
    }

    @Test
    void aLedgerOfANewerReleaseIsRefusedAndLeftUnchanged() throws Exception {
        Path file = dir.resolve("requests.db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = db.createStatement()) {
            s.execute("CREATE TABLE requests (id TEXT PRIMARY KEY, keep_until INTEGER NOT NULL, state TEXT NOT NULL,"
                    + " reply TEXT, origin TEXT)");
            s.execute("INSERT INTO requests VALUES ('x', 1, 'executing', NULL, 'ops')");
            s.execute("PRAGMA user_version=" + (RequestLedger.MIGRATIONS.size() + 1));
        }
        byte[] before = Files.readAllBytes(file);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RequestLedger.open(file));
        assertTrue(e.getMessage().contains("request ledger " + file + " has schema version "
                + (RequestLedger.MIGRATIONS.size() + 1)), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    /** kill -9 at an arbitrary moment: what was claimed never runs again, what was answered keeps its reply. */
    @Test
    void claimsAndAnswersSurviveKillDashNine() throws Exception {
        Path file = dir.resolve("crash.db");
        Map<String, String> printed = claimThenKill(file, 200);
        try (RequestLedger ledger = RequestLedger.open(file)) {
            for (Map.Entry<String, String> e : printed.entrySet()) {
                RequestLedger.Claim c = ledger.claim(e.getKey(), Long.MAX_VALUE);
                if (e.getValue().equals("answered")) {
                    assertEquals(RequestLedger.State.ANSWERED, c.state(), e.getKey());
                    assertEquals("{\"id\":\"" + e.getKey() + "\"}", c.replyJson());
                } else {
                    // the answer may have reached the disk before the child could print it; either
                    // way the id is never free to run again
                    assertTrue(c.state() == RequestLedger.State.INTERRUPTED || c.state() == RequestLedger.State.ANSWERED,
                            e.getKey() + " was claimed, now " + c.state());
                }
            }
        }
    }

    /** Runs {@link LedgerClaimerMain} and SIGKILLs it after {@code killAfter} lines; id → last thing printed. */
    private static Map<String, String> claimThenKill(Path file, int killAfter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LedgerClaimerMain.class.getName(), file.toString(), "100000")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, String> printed = new LinkedHashMap<>();
        int lines = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("open", out.readLine(), "child opened the ledger");
            String line;
            while ((line = out.readLine()) != null) {
                String[] words = line.split(" ");
                printed.put(words[1], words[0]);
                if (++lines == killAfter) {
                    // SIGKILL through the handle: destroyForcibly() would also close our end of the pipe
                    child.toHandle().destroyForcibly();
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "child gone");
        }
        assertTrue(lines >= killAfter && lines < 200_000, "killed mid-way: " + lines);
        return printed;
    }
}
