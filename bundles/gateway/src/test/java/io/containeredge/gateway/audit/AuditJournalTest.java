package io.containeredge.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.gateway.api.AuditRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditJournalTest {

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000);

    private Path file() {
        return dir.resolve(AuditTrailComponent.FILE_NAME);
    }

    private AuditJournal open(int compactAbove, int keep, int memory) throws IOException {
        AuditJournal journal = new AuditJournal(file(), clock::get, compactAbove, keep, memory);
        journal.load();
        return journal;
    }

    @Test
    void recordIsOnDiskWithEveryFieldWhenItReturns() throws IOException {
        try (AuditJournal journal = AuditJournal.open(file(), clock::get)) {
            AuditRecord r = journal.record("mqtt:ops", "mqtt", "config.apply", "v2", "applied", "version 2");
            assertEquals(new AuditRecord(1, 1_000, "mqtt:ops", "mqtt", "config.apply", "v2", "applied", "version 2"), r);
            String line = Files.readString(file());
            assertTrue(line.endsWith("\n") && line.contains("\"action\":\"config.apply\""), line);
        }
    }

    @Test
    void sequenceKeepsIncreasingAcrossReopening() throws IOException {
        try (AuditJournal journal = AuditJournal.open(file(), clock::get)) {
            journal.record("a", "file", "config.apply", "v1", "applied", "");
            journal.record("a", "file", "config.apply", "v2", "applied", "");
        }
        try (AuditJournal journal = AuditJournal.open(file(), clock::get)) {
            assertEquals(3, journal.record("b", "console", "alarm.ack", "7", "accepted", null).sequence());
            assertEquals(List.of(3L, 2L, 1L), journal.recent(10).stream().map(AuditRecord::sequence).toList());
            assertEquals("", journal.recent(1).get(0).detail(), "null stored as empty");
        }
    }

    @Test
    void tornLastLineAfterAPowerCutIsDroppedAndNumberingContinuesAfterTheLastWholeRecord() throws IOException {
        try (AuditJournal journal = AuditJournal.open(file(), clock::get)) {
            journal.record("a", "file", "config.apply", "v1", "applied", "");
            journal.record("a", "file", "config.apply", "v2", "applied", "");
        }
        Files.writeString(file(), "{\"sequence\":3,\"timestampMillis\":1000,\"act", StandardOpenOption.APPEND);
        try (AuditJournal journal = AuditJournal.open(file(), clock::get)) {
            assertEquals(List.of(2L, 1L), journal.recent(10).stream().map(AuditRecord::sequence).toList());
            assertEquals(3, journal.record("b", "api", "control.reset", "", "accepted", "").sequence());
        }
        try (AuditJournal journal = AuditJournal.open(file(), clock::get)) {
            assertEquals(List.of(1L, 2L, 3L), journal.after(0, 10).stream().map(AuditRecord::sequence).toList());
        }
    }

    @Test
    void compactionKeepsTheNewestRecordsAndTheNumbering() throws IOException {
        try (AuditJournal journal = open(20, 10, 5)) {
            for (int i = 0; i < 21; i++) {
                journal.record("a", "file", "x", "t" + i, "applied", "");
            }
            assertEquals(10, Files.readAllLines(file()).size(), "compacted past 20 lines to the newest 10");
            assertEquals(LongStream.rangeClosed(12, 21).boxed().toList(),
                    journal.after(0, 100).stream().map(AuditRecord::sequence).toList());
        }
        try (AuditJournal journal = open(20, 10, 5)) {
            assertEquals(22, journal.record("a", "file", "x", "t", "applied", "").sequence());
        }
    }

    @Test
    void afterAndRecentAnswerFromMemoryAndFromTheFile() throws IOException {
        try (AuditJournal journal = open(1_000, 500, 4)) {
            for (int i = 0; i < 12; i++) {
                journal.record("a", "file", "x", "t" + i, "applied", "");
            }
            assertEquals(List.of(10L, 11L, 12L), seq(journal.after(9, 10)), "newest, held in memory");
            assertEquals(List.of(3L, 4L, 5L), seq(journal.after(2, 3)), "older, read from the file");
            assertEquals(List.of(), journal.after(12, 10));
            assertEquals(List.of(12L, 11L), seq(journal.recent(2)));
            assertEquals(List.of(12L, 11L, 10L, 9L, 8L, 7L), seq(journal.recent(6)), "more than memory holds");
            assertEquals(12, journal.recent(100).size());
            assertEquals(List.of(), journal.recent(0));
        }
    }

    private static List<Long> seq(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::sequence).toList();
    }
}
