package io.containeredge.control.grid;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.gateway.storage.api.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The under-frequency guard's shed, kept across restarts and {@code kill -9} like a trip: written durably when the
 * guard starts or stops holding load back. A gateway restarted during a grid emergency must not bring the shed load
 * back before the frequency has been recovered for the configured time.
 */
public class ShedFile {

    /** Keeps nothing: every start is a clean one. */
    static final ShedFile NONE = new ShedFile(null);

    private static final Logger LOG = LoggerFactory.getLogger(ShedFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is kept: whether load is held back, at what limit, and how many sheds so far. */
    record Kept(boolean holding, double shedKw, long sheds) {
    }

    private final Path file;

    public ShedFile(Path file) {
        this.file = file;
    }

    /** The state to start with: shed at the kept limit when the guard was holding, else a clean start. */
    FrequencyGuard.State load() {
        if (file == null) {
            return FrequencyGuard.State.initial();
        }
        try {
            Kept k = JSON.readValue(Files.readAllBytes(file), Kept.class);
            return k.holding() ? FrequencyGuard.State.restoredShed(k.shedKw(), k.sheds())
                    : FrequencyGuard.State.initial();
        } catch (NoSuchFileException e) {
            return FrequencyGuard.State.initial();
        } catch (IOException | RuntimeException e) {
            // unreadable: the careful side is a shed held until the frequency is seen recovered
            LOG.error("under-frequency shed {} unreadable, starting shed: {}", file, e.getMessage());
            return FrequencyGuard.State.restoredShed(0, 0);
        }
    }

    void save(FrequencyGuard.State st) {
        if (file == null) {
            return;
        }
        try {
            DurableFiles.replace(file, JSON.writeValueAsBytes(new Kept(st.holding(), st.holding()
                    ? Math.min(st.shedKw(), st.limitKw()) : 0, st.sheds())));
        } catch (IOException e) {
            LOG.error("under-frequency shed not saved to {}: {}", file, e.getMessage());
        }
    }
}
