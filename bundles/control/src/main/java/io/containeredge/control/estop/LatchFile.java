package io.containeredge.control.estop;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.gateway.storage.api.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thermal trip and emergency-stop latches on disk, so a {@code kill -9}, a watchdog restart, an
 * upgrade or a configuration apply (each restarts the control loop) does not wake the miners without a
 * reset. Replaced atomically and forced to the device ({@link DurableFiles#replace}) in the cycle the
 * latches change. A file that exists but cannot be read counts as every latch set: losing a trip is
 * the unsafe direction. Used by the control cycle's thread only.
 */
public final class LatchFile {

    static final String UNSAVED_ALARM = "control.latches-unsaved";

    private static final Logger LOG = LoggerFactory.getLogger(LatchFile.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            // a file written by a newer version must still load
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            // but one that does not say both latches is not read as "none"
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, true);
    private Latches saved;
    private String saveError;

    public LatchFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /** The latches as last saved: none when the file is missing, all set when it is unreadable. */
    public Latches load() {
        try {
            saved = json.readValue(Files.readAllBytes(file), Latches.class);
            if (saved == null) {
                throw new IOException("empty");
            }
        } catch (NoSuchFileException e) {
            saved = Latches.NONE;
        } catch (IOException | RuntimeException e) {
            LOG.error("latch file {} unreadable, treated as tripped with the emergency stop latched: {}", file,
                    e.toString());
            // not remembered as saved: the first cycle rewrites the file with what it holds
            return new Latches("latch file " + file.getFileName() + " unreadable at start ("
                    + e.getClass().getSimpleName() + ")", true);
        }
        if (!saved.equals(Latches.NONE)) {
            LOG.warn("restored from {}: thermal trip {}, emergency stop {}", file,
                    saved.thermalTrip() == null ? "none" : "'" + saved.thermalTrip() + "'",
                    saved.emergencyStop() ? "latched" : "not latched");
        }
        return saved;
    }

    /** Saves {@code now} if it differs from what the file holds; a failed write is tried again next time. */
    public void keep(Latches now) {
        if (now.equals(saved)) {
            return;
        }
        try {
            DurableFiles.replace(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(now));
            saved = now;
            saveError = null;
        } catch (IOException | RuntimeException e) {
            if (saveError == null) {
                LOG.error("latch file {} not written, a restart would lose {}: {}", file, now, e.toString());
            }
            saveError = e.toString();
        }
    }

    /** A critical condition while the latches on disk differ from the ones in force. */
    public List<AlarmCondition> alarms() {
        return saveError == null ? List.of() : List.of(new AlarmCondition(UNSAVED_ALARM, Severity.CRITICAL,
                file.toString(), "latches not saved, a restart would lose them: " + saveError, Double.NaN));
    }
}
