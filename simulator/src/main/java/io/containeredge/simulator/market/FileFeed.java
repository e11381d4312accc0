package io.containeredge.simulator.market;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rewrites one file on a timer with the text for the wall-clock time, as a site's own fetcher would: replaced
 * whole (written aside, then moved) so that the gateway never reads half a version. A failed write is logged and
 * tried again at the next tick.
 */
public final class FileFeed implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FileFeed.class.getName());

    private final Path file;
    private final LongFunction<String> textAt;
    private final ScheduledExecutorService timer;

    private FileFeed(Path file, LongFunction<String> textAt) {
        this.file = file;
        this.textAt = textAt;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-" + file.getFileName());
            t.setDaemon(true);
            return t;
        });
    }

    /** Writes {@code file} now and every {@code everySeconds} with {@code textAt(now)}. */
    public static FileFeed start(Path file, long everySeconds, LongFunction<String> textAt) {
        FileFeed feed = new FileFeed(file, textAt);
        feed.timer.scheduleWithFixedDelay(feed::write, 0, everySeconds, TimeUnit.SECONDS);
        return feed;
    }

    /** Replaces {@code file} with {@code text}: written aside, then moved over it. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path aside = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(aside, text);
        Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void write() {
        try {
            write(file, textAt.apply(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "feed file " + file + " not written: " + e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
