package io.containeredge.gateway.storage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileTest {

    record Entry(int n, String text) {
    }

    @TempDir
    Path dir;

    @Test
    void appendedRecordsAreReadBackInOrderAfterReopening() throws IOException {
        Path file = dir.resolve("sub/journal.jsonl");
        try (JsonLinesFile<Entry> journal = opened(file)) {
            journal.append(new Entry(1, "a"));
            journal.append(new Entry(2, "b\nwith newline"));
        }
        try (JsonLinesFile<Entry> journal = opened(file)) {
            assertEquals(2, journal.lines());
            assertEquals(List.of(new Entry(1, "a"), new Entry(2, "b\nwith newline")), readAll(journal));
        }
    }

    @Test
    void tornLastLineIsCutSoTheNextAppendStartsOnACleanLine() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, "{\"n\":1,\"text\":\"a\"}\n{\"n\":2,\"te");
        try (JsonLinesFile<Entry> journal = opened(file)) {
            assertEquals(1, journal.lines());
            journal.append(new Entry(3, "c"));
            assertEquals(List.of(new Entry(1, "a"), new Entry(3, "c")), readAll(journal));
        }
        assertEquals("{\"n\":1,\"text\":\"a\"}\n{\"n\":3,\"text\":\"c\"}\n", Files.readString(file));
    }

    @Test
    void aFileThatIsOnlyATornLineBecomesEmpty() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, "{\"n\":1,\"te");
        try (JsonLinesFile<Entry> journal = opened(file)) {
            assertEquals(0, journal.lines());
            assertEquals(List.of(), readAll(journal));
        }
        assertEquals(0, Files.size(file));
    }

    @Test
    void damagedLineInTheMiddleIsSkippedButCounted() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, "{\"n\":1,\"text\":\"a\"}\n\u0000\u0000garbage\n{\"n\":2,\"text\":\"b\",\"newer\":true}\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE);
        try (JsonLinesFile<Entry> journal = opened(file)) {
            assertEquals(3, journal.lines());
            assertEquals(List.of(new Entry(1, "a"), new Entry(2, "b")), readAll(journal));
        }
    }

    @Test
    void rewriteReplacesTheContentAndAppendingContinues() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JsonLinesFile<Entry> journal = opened(file)) {
            for (int i = 1; i <= 5; i++) {
                journal.append(new Entry(i, "x"));
            }
            journal.rewrite(List.of(new Entry(4, "x"), new Entry(5, "x")));
            journal.append(new Entry(6, "y"));
            assertEquals(3, journal.lines());
            assertEquals(List.of(new Entry(4, "x"), new Entry(5, "x"), new Entry(6, "y")), readAll(journal));
        }
        assertEquals(List.of("journal.jsonl"), Files.list(dir).map(p -> p.getFileName().toString()).toList(),
                "no temporary file left");
    }

    @Test
    void appendAllAddsTheRecordsInOrderAndCountsEach() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JsonLinesFile<Entry> journal = opened(file)) {
            journal.append(new Entry(1, "a"));
            journal.appendAll(List.of(new Entry(2, "b"), new Entry(3, "c")));
            journal.appendAll(List.of());
            assertEquals(3, journal.lines());
            assertEquals(List.of(new Entry(1, "a"), new Entry(2, "b"), new Entry(3, "c")), readAll(journal));
        }
        assertEquals("{\"n\":1,\"text\":\"a\"}\n{\"n\":2,\"text\":\"b\"}\n{\"n\":3,\"text\":\"c\"}\n",
                Files.readString(file));
    }

    @Test
    void aFailedRewriteKeepsTheOldContentAndAppendingGoesOn() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        // the temporary file of the rewrite cannot be written where a directory stands
        Files.createDirectories(dir.resolve("journal.jsonl.tmp"));
        try (JsonLinesFile<Entry> journal = opened(file)) {
            journal.append(new Entry(1, "a"));
            assertThrows(IOException.class, () -> journal.rewrite(List.of(new Entry(9, "z"))));
            journal.append(new Entry(2, "b"));
            assertEquals(2, journal.lines());
            assertEquals(List.of(new Entry(1, "a"), new Entry(2, "b")), readAll(journal));
        }
    }

    private static JsonLinesFile<Entry> opened(Path file) throws IOException {
        JsonLinesFile<Entry> journal = new JsonLinesFile<>(file, Entry.class);
        journal.open();
        return journal;
    }

    private static List<Entry> readAll(JsonLinesFile<Entry> journal) throws IOException {
        List<Entry> all = new ArrayList<>();
        journal.forEach(all::add);
        return all;
    }
}
