package io.containeredge.console.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {

    private static final String PASSWORD = "s3cret-enough-pw";

    @TempDir
    Path dir;

    private UserStore open() throws IOException {
        return new UserStore(dir, new PasswordHasher(1000));
    }

    @Test
    void usersSurviveAReopenAndOnlyTheRightPasswordLogsIn() throws Exception {
        UserStore store = open();
        assertTrue(store.isEmpty());
        store.add("alice", Role.TECHNICIAN, PASSWORD);
        store.add("bob", Role.VIEWER, PASSWORD + "b");

        UserStore reopened = open();
        assertEquals(List.of(new AccountSummary("alice", Role.TECHNICIAN), new AccountSummary("bob", Role.VIEWER)),
                reopened.list());
        assertEquals(new ConsoleUser("alice", Role.TECHNICIAN, false),
                reopened.authenticate("alice", PASSWORD.toCharArray()).orElseThrow());
        assertTrue(reopened.authenticate("alice", (PASSWORD + "b").toCharArray()).isEmpty());
        assertTrue(reopened.authenticate("nobody", PASSWORD.toCharArray()).isEmpty());
        assertTrue(reopened.authenticate(null, PASSWORD.toCharArray()).isEmpty());
    }

    @Test
    void theFileHoldsSaltHashAndIterationsButNeverThePassword() throws Exception {
        open().add("alice", Role.ADMIN, PASSWORD);
        String file = Files.readString(dir.resolve(UserStore.FILE_NAME));
        assertFalse(file.contains(PASSWORD), file);
        for (String field : List.of("\"salt\"", "\"hash\"", "\"iterations\" : 1000", "\"role\" : \"ADMIN\"")) {
            assertTrue(file.contains(field), field + " in " + file);
        }
    }

    @Test
    void namesAndPasswordsAreChecked() throws Exception {
        UserStore store = open();
        for (String bad : List.of("", "Alice", "a b", "x".repeat(33), "ünï", ".", "..", "a/b")) {
            AccountException e = assertThrows(AccountException.class, () -> store.add(bad, Role.VIEWER, PASSWORD), bad);
            assertEquals(AccountException.Reason.INVALID, e.reason());
        }
        AccountException shortPw = assertThrows(AccountException.class, () -> store.add("carol", Role.VIEWER, "elevenchars"));
        assertTrue(shortPw.getMessage().contains("12"), shortPw.getMessage());
        assertFalse(shortPw.getMessage().contains("elevenchars"), "a refusal never echoes the password");
        assertThrows(AccountException.class, () -> store.add("carol", Role.VIEWER, null));
        assertThrows(AccountException.class, () -> store.add("carol", null, PASSWORD));
        store.add("a.b_c-9", Role.VIEWER, "exactly12chr");
        assertEquals(AccountException.Reason.EXISTS,
                assertThrows(AccountException.class, () -> store.add("a.b_c-9", Role.ADMIN, PASSWORD)).reason());
    }

    @Test
    void theFirstAdministratorCanBeCreatedOnlyOnce() throws Exception {
        UserStore store = open();
        store.addFirstAdministrator("root", PASSWORD);
        assertEquals(List.of(new AccountSummary("root", Role.ADMIN)), store.list());
        AccountException again = assertThrows(AccountException.class, () -> store.addFirstAdministrator("eve", PASSWORD));
        assertEquals(AccountException.Reason.SETUP_DONE, again.reason());
    }

    @Test
    void thePasswordChangesAndTheOldOneStopsWorking() throws Exception {
        UserStore store = open();
        store.add("alice", Role.VIEWER, PASSWORD);
        store.changePassword("alice", "a new long password");
        assertTrue(open().authenticate("alice", PASSWORD.toCharArray()).isEmpty());
        assertTrue(open().authenticate("alice", "a new long password".toCharArray()).isPresent());
        assertEquals(AccountException.Reason.NOT_FOUND,
                assertThrows(AccountException.class, () -> store.changePassword("zed", PASSWORD)).reason());
    }

    @Test
    void theLastAdministratorCannotBeDeleted() throws Exception {
        UserStore store = open();
        store.add("root", Role.ADMIN, PASSWORD);
        store.add("viewer", Role.VIEWER, PASSWORD);
        assertEquals(AccountException.Reason.LAST_ADMIN,
                assertThrows(AccountException.class, () -> store.delete("root")).reason());
        store.add("root2", Role.ADMIN, PASSWORD);
        store.delete("root");
        store.delete("viewer");
        assertEquals(List.of(new AccountSummary("root2", Role.ADMIN)), open().list());
    }

    @Test
    void aSaveThatFailsChangesNeitherTheFileNorTheUsers() throws Exception {
        UserStore store = open();
        store.add("alice", Role.ADMIN, PASSWORD);
        String before = Files.readString(dir.resolve(UserStore.FILE_NAME));
        // the temporary sibling cannot be written: as if the disk failed in the middle of a save
        Files.createDirectory(dir.resolve(UserStore.FILE_NAME + ".tmp"));

        assertThrows(IOException.class, () -> store.add("bob", Role.VIEWER, PASSWORD));
        assertThrows(IOException.class, () -> store.changePassword("alice", "another password"));

        assertEquals(List.of(new AccountSummary("alice", Role.ADMIN)), store.list());
        assertTrue(store.authenticate("alice", PASSWORD.toCharArray()).isPresent());
        assertEquals(before, Files.readString(dir.resolve(UserStore.FILE_NAME)));
    }

    @Test
    void aTornTemporaryFileFromACrashIsIgnored() throws Exception {
        open().add("alice", Role.ADMIN, PASSWORD);
        Files.writeString(dir.resolve(UserStore.FILE_NAME + ".tmp"), "{\"format\":1,\"users\":[{\"na");
        UserStore reopened = open();
        assertEquals(List.of(new AccountSummary("alice", Role.ADMIN)), reopened.list());
        reopened.add("bob", Role.VIEWER, PASSWORD);
        assertEquals(2, open().list().size());
    }

    @Test
    void aDamagedUsersFileIsAnErrorNeverAnEmptyStoreThatWouldReopenSetup() throws Exception {
        Files.writeString(dir.resolve(UserStore.FILE_NAME), "{\"format\":1,\"users\":[{\"name\":\"alice\",\"role\":\"ADMIN\"");
        assertThrows(IOException.class, this::open);
        Files.writeString(dir.resolve(UserStore.FILE_NAME),
                "{\"format\":1,\"users\":[{\"name\":\"alice\",\"role\":\"KING\",\"iterations\":1,\"salt\":\"AA==\",\"hash\":\"AA==\"}]}");
        assertThrows(IOException.class, this::open);
    }

    /** After a rollback: the newer release's users (and whatever it added to them) must survive this one. */
    @Test
    void aUsersFileOfANewerFormatIsRefusedAndLeftByteForByte() throws Exception {
        Path file = dir.resolve(UserStore.FILE_NAME);
        Files.writeString(file, "{\"format\":2,\"users\":[{\"name\":\"alice\",\"role\":\"ADMIN\",\"iterations\":1,"
                + "\"salt\":\"AA==\",\"hash\":\"AA==\",\"passkeys\":[\"pk-1\"]}],\"groups\":[]}");
        byte[] before = Files.readAllBytes(file);
        FileTime modified = Files.getLastModifiedTime(file);

        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().contains(file + " is in users file format 2, newer than format 1"), e.getMessage());
        assertTrue(e.getMessage().contains("left unchanged"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(modified, Files.getLastModifiedTime(file));
        assertFalse(Files.exists(dir.resolve(UserStore.FILE_NAME + ".tmp")), "no replacement was even started");
    }
}
