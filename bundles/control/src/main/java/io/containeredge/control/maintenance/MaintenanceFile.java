package io.containeredge.control.maintenance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.api.MaintenanceWindow;
import io.containeredge.gateway.storage.api.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance windows on disk as one small JSON array, replaced atomically on every change, so a
 * restart (or a power cut) does not hand a device back to the controller while someone works on it.
 */
public final class MaintenanceFile {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceFile.class);
    private static final TypeReference<List<MaintenanceWindow>> WINDOWS = new TypeReference<>() {
    };

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            // a file written by a newer version must still load
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public MaintenanceFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /**
     * The windows stored, or none when the file is missing or unreadable. Losing them is the safe
     * direction: every device is then under the controller's full control again.
     */
    List<MaintenanceWindow> load() {
        try {
            return List.copyOf(json.readValue(Files.readAllBytes(file), WINDOWS));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            LOG.error("maintenance file {} unreadable, every device is under control again: {}", file, e.toString());
            return List.of();
        }
    }

    void save(List<MaintenanceWindow> windows) throws IOException {
        DurableFiles.replace(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(windows));
    }
}
