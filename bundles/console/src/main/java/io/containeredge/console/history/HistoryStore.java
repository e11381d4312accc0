package io.containeredge.console.history;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The console's local history: the last hour at 1 s and the last 24 hours at 1 min, in two ring files
 * of constant size ({@link RingFile}) in the data directory.
 *
 * <p>Why ring files rather than SQLite: the amount is fixed (3600 and 1440 rows), so a ring is
 * bounded by construction (no deletes, no vacuum, no growth after a clock jump), a sample costs one
 * positional write of 68 bytes, and nothing needs a native library. Durability: every write reaches
 * the operating system at once, so a killed gateway loses nothing; the files are forced to disk every
 * {@value #SYNC_EVERY_SAMPLES} samples, so a power cut loses at most those seconds, and a record torn
 * by it is recognised by its CRC and skipped.
 *
 * <p>The files name their columns ({@link HistorySeries#keys()}); a release with other series migrates
 * them at open, keeping every value by name ({@link RingMigration}).
 *
 * <p>Each minute's mean is written when the first sample of the next minute arrives. After a restart
 * the minute in progress is rebuilt from its 1 s samples on disk, so a crash loses no minute either.
 */
public final class HistoryStore implements Closeable {

    static final String SECONDS_FILE = "history-1s.ring";
    static final String MINUTES_FILE = "history-1min.ring";
    static final int SYNC_EVERY_SAMPLES = 5;

    private final RingFile seconds;
    private final RingFile minutes;
    private final MinuteRollup rollup = new MinuteRollup();
    private long lastSecond = Long.MIN_VALUE;
    private int unsynced;

    private HistoryStore(RingFile seconds, RingFile minutes) {
        this.seconds = seconds;
        this.minutes = minutes;
    }

    /** Opens (or creates) the history in {@code directory}. */
    public static HistoryStore open(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<String> columns = HistorySeries.keys();
        RingFile seconds = RingFile.open(directory.resolve(SECONDS_FILE), HistoryRange.HOUR.points(), columns);
        RingFile minutes;
        try {
            minutes = RingFile.open(directory.resolve(MINUTES_FILE), HistoryRange.DAY.points(), columns);
        } catch (IOException | RuntimeException e) {
            seconds.close();
            throw e;
        }
        HistoryStore store = new HistoryStore(seconds, minutes);
        store.resume();
        return store;
    }

    /** True when a file was missing or unreadable (then moved aside) and the history starts empty. */
    public boolean startedEmpty() {
        return seconds.fresh() || minutes.fresh();
    }

    /**
     * Adds the sample of one second (values by {@link HistorySeries#ordinal()}, NaN when not known). A
     * second sample within the same second is ignored: the first one stands.
     */
    public synchronized void append(long epochMillis, double[] values) throws IOException {
        if (values.length != HistorySeries.count()) {
            throw new IllegalArgumentException("expected one value per series, got " + values.length);
        }
        long second = Math.floorDiv(epochMillis, 1000);
        if (second == lastSecond) {
            return;
        }
        lastSecond = second;
        seconds.write(second, values);
        long minute = Math.floorDiv(second, 60);
        if (rollup.minute() != minute) {
            closeMinute();
            rollup.start(minute);
        }
        rollup.add(values);
        if (++unsynced >= SYNC_EVERY_SAMPLES) {
            sync();
        }
    }

    /**
     * The window of {@code range} that ends at {@code nowMillis}, oldest first. The 24 h window ends
     * with the mean of the minute in progress, so it reaches the present.
     */
    public synchronized HistoryWindow window(HistoryRange range, long nowMillis) throws IOException {
        long step = range.stepSeconds();
        long now = Math.floorDiv(Math.floorDiv(nowMillis, 1000), step);
        long from = now - range.points() + 1;
        List<RingFile.Entry> entries = (range == HistoryRange.HOUR ? seconds : minutes).read(from, now);
        boolean partial = range == HistoryRange.DAY && !rollup.isEmpty() && rollup.minute() >= from
                && rollup.minute() <= now && (entries.isEmpty() || entries.get(entries.size() - 1).period() < rollup.minute());
        int size = entries.size() + (partial ? 1 : 0);
        long[] times = new long[size];
        double[][] columns = new double[HistorySeries.count()][size];
        for (int i = 0; i < entries.size(); i++) {
            put(times, columns, i, entries.get(i).period() * step, entries.get(i).values());
        }
        if (partial) {
            put(times, columns, size - 1, rollup.minute() * step, rollup.means());
        }
        return new HistoryWindow(range, times, columns);
    }

    /** Forces both files to disk. */
    public synchronized void sync() throws IOException {
        unsynced = 0;
        seconds.force();
        minutes.force();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            sync();
        } finally {
            try {
                seconds.close();
            } finally {
                minutes.close();
            }
        }
    }

    /** Picks up where the last run stopped: the newest second, and the samples of its minute so far. */
    private void resume() throws IOException {
        List<RingFile.Entry> stored = seconds.read(Long.MIN_VALUE, Long.MAX_VALUE);
        if (stored.isEmpty()) {
            return;
        }
        lastSecond = stored.get(stored.size() - 1).period();
        long minute = Math.floorDiv(lastSecond, 60);
        rollup.start(minute);
        stored.stream().filter(e -> Math.floorDiv(e.period(), 60) == minute).forEach(e -> rollup.add(e.values()));
    }

    private void closeMinute() throws IOException {
        if (!rollup.isEmpty()) {
            minutes.write(rollup.minute(), rollup.means());
        }
    }

    private static void put(long[] times, double[][] columns, int i, long epochSeconds, double[] values) {
        times[i] = epochSeconds;
        for (int c = 0; c < columns.length; c++) {
            columns[c][i] = values[c];
        }
    }
}
