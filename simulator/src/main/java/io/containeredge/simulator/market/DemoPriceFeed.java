package io.containeredge.simulator.market;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The demo's stand-in for a site's own price fetcher: writes {@link DemoPriceSchedule}'s prices to the site's local
 * price file every minute, as a fetcher would, replacing the file whole (written aside, then moved) so that the
 * gateway never reads half a version.
 */
public final class DemoPriceFeed implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DemoPriceFeed.class.getName());
    private static final long EVERY_SECONDS = 60;

    private final Path file;
    private final DemoPriceSchedule schedule;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-price-feed");
        t.setDaemon(true);
        return t;
    });

    private DemoPriceFeed(Path file, long startMillis) {
        this.file = file;
        this.schedule = new DemoPriceSchedule(startMillis);
    }

    /** Starts writing {@code file} now and every minute. */
    public static DemoPriceFeed start(Path file) {
        DemoPriceFeed feed = new DemoPriceFeed(file, System.currentTimeMillis());
        feed.timer.scheduleWithFixedDelay(feed::write, 0, EVERY_SECONDS, TimeUnit.SECONDS);
        return feed;
    }

    private void write() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path aside = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(aside, schedule.fileAt(System.currentTimeMillis()));
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "demo price file " + file + " not written: " + e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
