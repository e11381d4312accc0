package io.containeredge.control.efficiency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.efficiency.LearnedCurves.Learned;
import io.containeredge.gateway.storage.api.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned curves on disk ({@code efficiency.json} in the gateway's data directory), so restarts and upgrades
 * keep what months of running taught: one JSON document with a format {@link #VERSION}, replaced atomically
 * ({@link DurableFiles#replace}). A file that cannot be read, or of another version, is set aside (renamed with
 * {@code .set-aside-<time>}, kept for a person to look at) with a warning, and learning starts again: losing what
 * was learned only means the model curves are used a while longer, never a stop.
 */
public final class EfficiencyFile {

    /** The format written; bump it when a field changes meaning, so an old gateway sets a newer file aside. */
    public static final int VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(EfficiencyFile.class);

    /** The document: its version and every miner's points. */
    record Document(int version, List<MinerPoints> miners) {
    }

    /** One miner's points, learned as a unit of {@code model}. */
    record MinerPoints(int index, String model, List<LearnedPoint> points) {
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            // a field added within the same version must not make a file unreadable
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES, true);

    public EfficiencyFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /**
     * What the file keeps, by miner index: nothing when it is missing; nothing, and the file set aside, when it
     * cannot be read or is of another version.
     *
     * @param wallMillis names the set-aside file
     */
    public Map<Integer, Learned> load(long wallMillis) {
        try {
            JsonNode root = json.readTree(Files.readAllBytes(file));
            int version = root == null ? -1 : root.path("version").asInt(-1);
            if (version != VERSION) {
                setAside("is of version " + version + ", this gateway reads version " + VERSION, wallMillis);
                return Map.of();
            }
            Map<Integer, Learned> learned = new TreeMap<>();
            for (MinerPoints m : json.treeToValue(root, Document.class).miners()) {
                m.points().forEach(EfficiencyFile::check);
                learned.put(m.index(), new Learned(m.model(), m.points()));
            }
            return learned;
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | RuntimeException e) {
            setAside("is unreadable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", wallMillis);
            return Map.of();
        }
    }

    /** A point a person or a bad disk could have spoilt: numbers that would poison every curve built on it. */
    private static void check(LearnedPoint p) {
        if (!(p.samples() > 0 && p.powerW() > 0 && p.hashrateTh() >= 0 && p.stepW() > 0)
                || !Double.isFinite(p.powerW()) || !Double.isFinite(p.hashrateTh())) {
            throw new IllegalArgumentException("point " + p + " is not a measurement");
        }
    }

    private void setAside(String why, long wallMillis) {
        Path aside = file.resolveSibling(file.getFileName() + ".set-aside-" + wallMillis);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("efficiency file {} {}: set aside as {}, learning starts again", file, why, aside.getFileName());
        } catch (IOException e) {
            LOG.warn("efficiency file {} {}, and could not be set aside ({}): learning starts again", file, why,
                    e.toString());
        }
    }

    /** Replaces the file with {@code learned}. */
    public void save(Map<Integer, Learned> learned) throws IOException {
        List<MinerPoints> miners = learned.entrySet().stream()
                .map(e -> new MinerPoints(e.getKey(), e.getValue().model(), e.getValue().points())).toList();
        DurableFiles.replace(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                new Document(VERSION, miners)));
    }
}
