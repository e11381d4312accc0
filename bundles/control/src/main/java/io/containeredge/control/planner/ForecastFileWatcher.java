package io.containeredge.control.planner;

import io.containeredge.control.api.ForecastSlot;
import io.containeredge.control.slots.WatchedFile;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the local generation forecast file ({@link WatchedFile}). Each new version goes the way a
 * {@code forecast.update} goes ({@code ControlService.updateForecast}); a version that cannot be read or is refused
 * is logged as an error once and changes nothing: the forecast taken before stays in force.
 */
public final class ForecastFileWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastFileWatcher.class);

    private final WatchedFile watched;
    private String lastProblem;

    /** @param updateForecast checks and takes; throws IllegalArgumentException with the reason when it refuses */
    public ForecastFileWatcher(Path file, BiConsumer<List<ForecastSlot>, String> updateForecast) {
        this.watched = new WatchedFile(file, "planner: forecast file " + file + " not written yet: the persistence"
                + " forecast applies until it is", text -> {
                    updateForecast.accept(ForecastFileReader.read(text), "file:" + file);
                    lastProblem = null;
                }, this::refuse);
    }

    /** Takes the file if it changed since last seen; never throws. */
    public void check() {
        watched.check();
    }

    private void refuse(String why) {
        if (!why.equals(lastProblem)) {
            LOG.error("planner: forecast file {} refused, the forecast taken before stays in force: {}", watched.file(),
                    why);
        }
        lastProblem = why;
    }
}
