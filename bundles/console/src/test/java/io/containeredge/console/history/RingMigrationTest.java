package io.containeredge.console.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History files of other column lists, formats and sizes: migrated by column name, or moved aside. */
class RingMigrationTest {

    /** 2024-01-01T00:00:00Z in epoch seconds. */
    private static final long S0 = 1_704_067_200L;

    @TempDir
    Path dir;

    /**
     * A ring file exactly as the first release wrote it (format 1): a 32-byte header of magic, slots,
     * width and the hash of its column names, then records of period, values and CRC-32. Copied here as
     * a fixture; never change it to match the current code.
     */
    private static void writeFirstReleaseRing(Path file, int slots, long[] periods, double[][] values)
            throws IOException {
        List<String> firstReleaseColumns = List.of("import-kw", "miner-kw", "max-miner-kw", "supply-c", "return-c",
                "battery-soc", "battery-kw");
        int width = firstReleaseColumns.size();
        int recordBytes = Long.BYTES + width * Double.BYTES + Integer.BYTES;
        ByteBuffer file1 = ByteBuffer.allocate(32 + slots * recordBytes);
        file1.putLong(0x4345_4849_5354_0001L).putInt(slots).putInt(width).putInt(firstReleaseColumns.hashCode());
        for (int i = 0; i < periods.length; i++) {
            int at = 32 + (int) Math.floorMod(periods[i], (long) slots) * recordBytes;
            file1.position(at);
            file1.putLong(periods[i]);
            for (double v : values[i]) {
                file1.putDouble(v);
            }
            CRC32 crc = new CRC32();
            crc.update(file1.array(), at, recordBytes - Integer.BYTES);
            file1.putInt((int) crc.getValue());
        }
        Files.write(file, file1.array());
    }

    private static double[] row(double first, int width) {
        double[] values = new double[width];
        for (int c = 0; c < width; c++) {
            values[c] = first + c;
        }
        return values;
    }

    private static RingHeader headerOf(Path file) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return RingHeader.read(channel);
        }
    }

    @Test
    void reopenedWithOtherColumnsEveryPeriodKeepsTheValuesOfTheColumnsThatStay() throws Exception {
        Path file = dir.resolve("r.ring");
        try (RingFile ring = RingFile.open(file, 10, List.of("a", "b", "c"))) {
            assertTrue(ring.fresh());
            for (long p = 95; p < 110; p++) {
                ring.write(p, new double[] {p, p + 0.25, p + 0.5});
            }
        }
        try (RingFile ring = RingFile.open(file, 10, List.of("a", "c", "d"))) {
            assertFalse(ring.fresh());
            List<RingFile.Entry> entries = ring.read(Long.MIN_VALUE, Long.MAX_VALUE);
            assertEquals(10, entries.size(), "every stored period");
            for (int i = 0; i < 10; i++) {
                RingFile.Entry e = entries.get(i);
                assertEquals(100 + i, e.period());
                assertArrayEquals(new double[] {e.period(), e.period() + 0.5, Double.NaN}, e.values(), "period " + i);
            }
            ring.write(110, new double[] {1, 2, 3});
        }
        assertEquals(RingHeader.current(10, List.of("a", "c", "d")), headerOf(file));
        assertEquals(RingHeader.current(10, List.of("a", "c", "d")).fileBytes(), Files.size(file));
        try (RingFile ring = RingFile.open(file, 10, List.of("a", "c", "d"))) {
            assertArrayEquals(new double[] {1, 2, 3}, ring.read(110, 110).get(0).values(), "written after migrating");
        }
    }

    @Test
    void fewerSlotsKeepTheNewestPeriods() throws Exception {
        Path file = dir.resolve("r.ring");
        try (RingFile ring = RingFile.open(file, 10, List.of("a"))) {
            for (long p = 0; p < 10; p++) {
                ring.write(p, new double[] {p});
            }
        }
        try (RingFile ring = RingFile.open(file, 4, List.of("a"))) {
            assertEquals(List.of(6L, 7L, 8L, 9L),
                    ring.read(Long.MIN_VALUE, Long.MAX_VALUE).stream().map(RingFile.Entry::period).toList());
        }
    }

    @Test
    void theFirstReleasesFilesAreMigratedWithEveryValue() throws Exception {
        int width = HistorySeries.count();
        long[] seconds = {S0, S0 + 1, S0 + 2};
        writeFirstReleaseRing(dir.resolve(HistoryStore.SECONDS_FILE), 3600, seconds,
                new double[][] {row(10, width), row(20, width), row(Double.NaN, width)});
        writeFirstReleaseRing(dir.resolve(HistoryStore.MINUTES_FILE), 1440, new long[] {S0 / 60 - 1},
                new double[][] {row(5, width)});

        try (HistoryStore store = HistoryStore.open(dir)) {
            assertFalse(store.startedEmpty());
            HistoryWindow hour = store.window(HistoryRange.HOUR, (S0 + 2) * 1000);
            assertArrayEquals(seconds, hour.epochSeconds());
            assertArrayEquals(new double[] {10, 20, Double.NaN}, hour.column(HistorySeries.IMPORT_KW));
            assertArrayEquals(new double[] {16, 26, Double.NaN}, hour.column(HistorySeries.BATTERY_KW));
            HistoryWindow day = store.window(HistoryRange.DAY, (S0 + 2) * 1000);
            assertEquals(S0 - 60, day.epochSeconds()[0]);
            assertEquals(8, day.column(HistorySeries.SUPPLY_C)[0], "the stored minute");
        }
        assertEquals(RingHeader.current(3600, HistorySeries.keys()), headerOf(dir.resolve(HistoryStore.SECONDS_FILE)),
                "rewritten in the current format, naming its columns");
    }

    @Test
    void aFirstReleaseFileReadByAReleaseWithOtherSeriesKeepsTheSeriesBothHave() throws Exception {
        Path file = dir.resolve("r.ring");
        writeFirstReleaseRing(file, 60, new long[] {7, 8}, new double[][] {row(100, 7), row(200, 7)});
        try (RingFile ring = RingFile.open(file, 60, List.of("supply-c", "inlet-pressure-bar", "import-kw"))) {
            List<RingFile.Entry> entries = ring.read(Long.MIN_VALUE, Long.MAX_VALUE);
            assertArrayEquals(new double[] {103, Double.NaN, 100}, entries.get(0).values());
            assertArrayEquals(new double[] {203, Double.NaN, 200}, entries.get(1).values());
        }
    }

    @Test
    void aFileOfANewerFormatIsMovedAsideUnchangedAndTheHistoryStartsEmpty() throws Exception {
        Path file = dir.resolve(HistoryStore.SECONDS_FILE);
        byte[] newer = new byte[4096];
        new Random(3).nextBytes(newer);
        ByteBuffer.wrap(newer).putLong(0x4345_4849_5354_0003L);
        Files.write(file, newer);

        try (HistoryStore store = HistoryStore.open(dir)) {
            assertTrue(store.startedEmpty());
            assertEquals(0, store.window(HistoryRange.HOUR, S0 * 1000).size());
            store.append(S0 * 1000, row(1, HistorySeries.count()));
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> aside = files.filter(f -> f.getFileName().toString()
                    .matches(HistoryStore.SECONDS_FILE.replace(".", "\\.") + "\\.unreadable-\\d+")).toList();
            assertEquals(1, aside.size(), "moved aside once");
            assertArrayEquals(newer, Files.readAllBytes(aside.get(0)), "byte for byte what the newer release wrote");
        }
        assertEquals(RingHeader.current(3600, HistorySeries.keys()), headerOf(file));
    }

    @Test
    void aRingHeaderWhoseChecksumFailsIsNotTrusted() throws Exception {
        Path file = dir.resolve("r.ring");
        RingFile.open(file, 10, List.of("a", "b")).close();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap("x".getBytes()), 22);
        }
        try (RingFile ring = RingFile.open(file, 10, List.of("a", "b"))) {
            assertTrue(ring.fresh(), "a damaged header is moved aside, not guessed at");
        }
    }
}
