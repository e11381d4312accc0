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
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local history on a virtual clock: bounded, rolled up per minute, and intact after a crash. */
class HistoryStoreTest {

    /** 2024-01-01T00:00:00Z: a whole minute, so minute boundaries are easy to read. */
    private static final long T0 = 1_704_067_200_000L;
    private static final int WIDTH = HistorySeries.count();

    @TempDir
    Path dir;

    /** Every series has the same value, so a column is easy to check. */
    private static double[] all(double v) {
        double[] values = new double[WIDTH];
        Arrays.fill(values, v);
        return values;
    }

    private static long seconds(long s) {
        return T0 + s * 1000;
    }

    @Test
    void theHourWindowHoldsTheLastHourAtOneSecondAndTheFilesNeverGrow() throws IOException {
        try (HistoryStore store = HistoryStore.open(dir)) {
            long size = Files.size(dir.resolve(HistoryStore.SECONDS_FILE));
            for (int s = 0; s < 2 * 3600 + 30; s++) {
                store.append(seconds(s), all(s));
            }
            HistoryWindow hour = store.window(HistoryRange.HOUR, seconds(2 * 3600 + 29));
            assertEquals(3600, hour.size());
            assertEquals(T0 / 1000 + 3600 + 30, hour.epochSeconds()[0], "the oldest second is an hour ago");
            assertEquals(2 * 3600 + 29, hour.column(HistorySeries.IMPORT_KW)[3599]);
            for (int i = 1; i < hour.size(); i++) {
                assertEquals(hour.epochSeconds()[i - 1] + 1, hour.epochSeconds()[i], "oldest first, no repeats");
            }
            assertEquals(size, Files.size(dir.resolve(HistoryStore.SECONDS_FILE)));
            assertEquals(RingHeader.current(3600, HistorySeries.keys()).fileBytes(), size);
            assertEquals(RingHeader.current(1440, HistorySeries.keys()).fileBytes(),
                    Files.size(dir.resolve(HistoryStore.MINUTES_FILE)));
        }
    }

    @Test
    void eachMinuteIsTheMeanOfItsSecondsLeavingOutUnknownValues() throws IOException {
        try (HistoryStore store = HistoryStore.open(dir)) {
            for (int s = 0; s < 60; s++) {
                double[] v = all(s);
                v[HistorySeries.BATTERY_SOC.ordinal()] = s < 30 ? Double.NaN : 50;
                v[HistorySeries.MAX_MINER_KW.ordinal()] = Double.NaN;
                store.append(seconds(s), v);
            }
            store.append(seconds(60), all(1000));
            HistoryWindow day = store.window(HistoryRange.DAY, seconds(60));
            assertEquals(2, day.size(), "the closed minute and the one in progress");
            assertEquals(T0 / 1000, day.epochSeconds()[0]);
            assertEquals(29.5, day.column(HistorySeries.IMPORT_KW)[0], 1e-9);
            assertEquals(50, day.column(HistorySeries.BATTERY_SOC)[0], 1e-9, "NaN seconds left out of the mean");
            assertTrue(Double.isNaN(day.column(HistorySeries.MAX_MINER_KW)[0]), "no value in the minute: not known");
            assertEquals(1000, day.column(HistorySeries.IMPORT_KW)[1], "the minute in progress so far");
        }
    }

    @Test
    void theDayWindowKeepsTwentyFourHoursOfMinutes() throws IOException {
        try (HistoryStore store = HistoryStore.open(dir)) {
            // one sample a minute for 25 hours: each minute's mean is that sample
            for (int m = 0; m < 25 * 60; m++) {
                store.append(seconds(m * 60L), all(m));
            }
            HistoryWindow day = store.window(HistoryRange.DAY, seconds((25 * 60 - 1) * 60L));
            assertEquals(1440, day.size());
            assertEquals(60, day.column(HistorySeries.SUPPLY_C)[0], "the first hour has left the window");
            assertEquals(25 * 60 - 1, day.column(HistorySeries.SUPPLY_C)[1439], "the minute in progress is last");
        }
    }

    @Test
    void aSecondSampleInTheSameSecondIsIgnored() throws IOException {
        try (HistoryStore store = HistoryStore.open(dir)) {
            store.append(seconds(5), all(1));
            store.append(seconds(5) + 900, all(2));
            HistoryWindow hour = store.window(HistoryRange.HOUR, seconds(5));
            assertArrayEquals(new double[] {1}, hour.column(HistorySeries.MINER_KW));
        }
    }

    @Test
    void afterACrashTheDataIsThereAndTheMinuteInProgressIsCompleted() throws IOException {
        HistoryStore crashed = HistoryStore.open(dir);
        for (int s = 0; s < 30; s++) {
            crashed.append(seconds(s), all(10));
        }
        // kill -9: no close, no sync; what was written is in the files (the OS has it)
        try (HistoryStore restarted = HistoryStore.open(dir)) {
            assertFalse(restarted.startedEmpty());
            assertEquals(30, restarted.window(HistoryRange.HOUR, seconds(40)).size());
            for (int s = 40; s < 60; s++) {
                restarted.append(seconds(s), all(40));
            }
            restarted.append(seconds(60), all(0));
            HistoryWindow day = restarted.window(HistoryRange.DAY, seconds(60));
            assertEquals((30 * 10 + 20 * 40) / 50.0, day.column(HistorySeries.RETURN_C)[0], 1e-9,
                    "the minute's mean counts the seconds from before the crash");
        } finally {
            crashed.close();
        }
    }

    @Test
    void aMinuteLeftOpenByACrashIsClosedAtTheNextSample() throws IOException {
        HistoryStore crashed = HistoryStore.open(dir);
        crashed.append(seconds(10), all(7));
        try (HistoryStore restarted = HistoryStore.open(dir)) {
            restarted.append(seconds(600), all(1));
            HistoryWindow day = restarted.window(HistoryRange.DAY, seconds(600));
            assertEquals(T0 / 1000, day.epochSeconds()[0]);
            assertEquals(7, day.column(HistorySeries.IMPORT_KW)[0]);
        } finally {
            crashed.close();
        }
    }

    @Test
    void aRecordTornByAPowerCutIsSkipped() throws IOException {
        try (HistoryStore store = HistoryStore.open(dir)) {
            for (int s = 0; s < 10; s++) {
                store.append(seconds(s), all(s));
            }
        }
        long slot = (T0 / 1000 + 4) % 3600;
        RingHeader header = RingHeader.current(3600, HistorySeries.keys());
        try (FileChannel ch = FileChannel.open(dir.resolve(HistoryStore.SECONDS_FILE), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), header.bytes() + slot * header.recordBytes() + 12);
        }
        try (HistoryStore store = HistoryStore.open(dir)) {
            HistoryWindow hour = store.window(HistoryRange.HOUR, seconds(9));
            assertEquals(9, hour.size());
            assertFalse(Arrays.stream(hour.epochSeconds()).anyMatch(t -> t == T0 / 1000 + 4));
        }
    }

    @Test
    void aFileThatIsNotARingIsMovedAsideAndTheHistoryStartsEmpty() throws IOException {
        Files.write(dir.resolve(HistoryStore.SECONDS_FILE), new byte[] {1, 2, 3, 4});
        try (HistoryStore store = HistoryStore.open(dir)) {
            assertTrue(store.startedEmpty());
            assertEquals(0, store.window(HistoryRange.HOUR, T0).size());
            assertEquals(RingHeader.current(3600, HistorySeries.keys()).fileBytes(),
                    Files.size(dir.resolve(HistoryStore.SECONDS_FILE)));
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith(HistoryStore.SECONDS_FILE + ".unreadable-"))
                    .findFirst().orElseThrow();
            assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(aside));
        }
    }
}
