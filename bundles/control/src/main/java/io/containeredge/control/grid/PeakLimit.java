package io.containeredge.control.grid;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.api.PeakStatus;
import io.containeredge.control.api.Verdict;
import io.containeredge.gateway.storage.api.DurableFiles;
import io.containeredge.site.api.PeakSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coincident-peak windows as a soft limit: while the peak alert is on and now is inside a window, the import is held
 * to the site's peak cap. The alert (on, until when, from whom) survives restarts: a gateway restarted in the middle
 * of a peak afternoon keeps holding. Thread-safe.
 */
public final class PeakLimit {

    public static final String GUARD = "peak window";
    public static final Duration MAX_ALERT = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(PeakLimit.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The alert as kept in its file. */
    record Alert(boolean on, long untilMillis, String source) {
    }

    private final PeakSettings settings;
    private final Path file;
    private Alert alert;

    public PeakLimit(PeakSettings settings, Path file) {
        this.settings = settings;
        this.file = file;
        this.alert = load(file);
    }

    /**
     * Switches the alert on until {@code untilMillis} (at most 24 hours ahead) or off.
     *
     * @throws IllegalArgumentException when the end is not within the next 24 hours; nothing changes
     */
    public synchronized void setAlert(boolean on, long untilMillis, String source, long wall) {
        if (on && (untilMillis <= wall || untilMillis > wall + MAX_ALERT.toMillis())) {
            throw new IllegalArgumentException("a peak alert ends within the next 24 hours (until " + untilMillis
                    + " is not)");
        }
        alert = new Alert(on, on ? untilMillis : 0, source);
        try {
            DurableFiles.replace(file, JSON.writeValueAsBytes(alert));
        } catch (IOException e) {
            LOG.error("peak alert not saved to {} (it holds until a restart): {}", file, e.getMessage());
        }
        LOG.info("peak alert {} by {}", on ? "ON until " + java.time.Instant.ofEpochMilli(untilMillis) : "OFF", source);
    }

    /** The verdict of a cycle: the import held to the cap in an alerted window; empty otherwise. */
    public synchronized Optional<Verdict> evaluate(long wall, SiteLoad load) {
        if (!binding(wall)) {
            return Optional.empty();
        }
        String reason = String.format(Locale.ROOT, "peak alert from %s: import ≤ %.0f kW", alert.source(),
                settings.capKw());
        return Optional.of(new Verdict(GUARD, load.loadLimitKw(settings.capKw()), false, reason, List.of(),
                Verdict.Strength.SOFT, alert.untilMillis()));
    }

    public synchronized PeakStatus status(long wall) {
        boolean on = alertOn(wall);
        return new PeakStatus(on, on ? alert.untilMillis() : 0, PeakWindows.inWindow(settings, wall), settings.capKw(),
                binding(wall), PeakWindows.nextStart(settings, wall).orElse(0), alert.source());
    }

    private boolean binding(long wall) {
        return alertOn(wall) && PeakWindows.inWindow(settings, wall);
    }

    private boolean alertOn(long wall) {
        return alert.on() && wall < alert.untilMillis();
    }

    private static Alert load(Path file) {
        try {
            return JSON.readValue(Files.readAllBytes(file), Alert.class);
        } catch (NoSuchFileException e) {
            return new Alert(false, 0, "");
        } catch (IOException | RuntimeException e) {
            // unreadable: held as on for the next 24 hours, the careful side in a peak season
            LOG.error("peak alert {} unreadable, held ON for 24 h: {}", file, e.getMessage());
            return new Alert(true, System.currentTimeMillis() + MAX_ALERT.toMillis(), "unreadable " + file);
        }
    }
}
