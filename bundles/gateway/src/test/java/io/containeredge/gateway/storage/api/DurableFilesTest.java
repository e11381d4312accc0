package io.containeredge.gateway.storage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {

    @TempDir
    Path dir;

    @Test
    void replaceOverwritesAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("state.json");
        DurableFiles.replace(file, "one".getBytes(StandardCharsets.UTF_8));
        DurableFiles.replace(file, "two".getBytes(StandardCharsets.UTF_8));
        assertEquals("two", Files.readString(file));
        assertEquals(1, Files.list(dir).count());
    }

    @Test
    void secretsAreReadableByTheirOwnerOnlyAlsoWhenReplacingAReadableFile() throws IOException {
        Path file = dir.resolve("secret");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        DurableFiles.replaceOwnerOnly(file, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(1, Files.list(dir).count());
    }

    @Test
    void publishingADirectoryNeverOverwritesAnExistingOne() throws IOException {
        Path written = Files.createDirectories(dir.resolve(".tmp-a"));
        Files.writeString(written.resolve("f"), "new");
        Path target = Files.createDirectories(dir.resolve("v1"));
        assertThrows(FileAlreadyExistsException.class, () -> DurableFiles.publishDirectory(written, target));
        Files.delete(target);
        DurableFiles.publishDirectory(written, target);
        assertEquals("new", Files.readString(target.resolve("f")));
        assertFalse(Files.exists(written));
    }

    @Test
    void deleteTreeRemovesNestedFilesAndToleratesAMissingRoot() throws IOException {
        Path root = Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(root.resolve("f"), "x");
        DurableFiles.deleteTree(dir.resolve("a"));
        assertFalse(Files.exists(dir.resolve("a")));
        DurableFiles.deleteTree(dir.resolve("a"));
        assertTrue(Files.isDirectory(dir));
    }
}
