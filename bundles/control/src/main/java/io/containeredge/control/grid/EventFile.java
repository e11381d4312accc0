package io.containeredge.control.grid;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.gateway.storage.api.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events the container holds, kept across restarts and {@code kill -9}: written whole and durably on every change
 * (an event scheduled, cancelled, started with its baseline, ended).
 */
final class EventFile {

    private static final Logger LOG = LoggerFactory.getLogger(EventFile.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    private final Path file;

    EventFile(Path file) {
        this.file = file;
    }

    List<HeldEvent.Saved> load() {
        try {
            return JSON.readValue(Files.readAllBytes(file), new TypeReference<List<HeldEvent.Saved>>() { });
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            // unreadable: the events are lost to this gateway, loudly; the hard limits protect as before
            LOG.error("grid events {} unreadable, starting without the events it held: {}", file, e.getMessage());
            return List.of();
        }
    }

    void save(List<HeldEvent.Saved> events) {
        try {
            DurableFiles.replace(file, JSON.writeValueAsBytes(events));
        } catch (IOException e) {
            LOG.error("grid events not saved to {}: {}", file, e.getMessage());
        }
    }
}
