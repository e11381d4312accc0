package io.containeredge.control.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.gateway.storage.api.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence forecast used where no forecast was received: what the PV plant made in the same quarter hour of
 * the last {@link #DAYS} days, averaged over the days that were measured. It learns from PV readings (each reading
 * added to its quarter hour's mean) and keeps them in {@code pv-history.json} across restarts (written atomically at
 * each quarter hour's end; an unreadable file is set aside and learning starts again). A quarter hour never measured
 * forecasts nothing: no generation is the careful assumption, since the plan then buys what it needs.
 */
public final class PvHistory {

    public static final int DAYS = 3;
    static final long QUARTER_MILLIS = 15 * 60_000L;
    private static final long QUARTERS_PER_DAY = 96;
    private static final Logger LOG = LoggerFactory.getLogger(PvHistory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sum and count of the readings of one quarter hour. */
    private record Mean(double sumKw, int count) {
        double kw() {
            return sumKw / count;
        }
    }

    private final Path file;
    /** By quarter hour since the epoch. */
    private final TreeMap<Long, Mean> quarters = new TreeMap<>();
    private long lastQuarter = Long.MIN_VALUE;

    /** @param file where the history is kept; null keeps it in memory only (tests, the backtest) */
    public PvHistory(Path file) {
        this.file = file;
        if (file != null) {
            load();
        }
    }

    /** Adds a good PV reading taken at a wall-clock time; saves the finished quarter hours when one ends. */
    public synchronized void add(long wallMillis, double kw) {
        long quarter = Math.floorDiv(wallMillis, QUARTER_MILLIS);
        quarters.merge(quarter, new Mean(kw, 1), (a, b) -> new Mean(a.sumKw + b.sumKw, a.count + b.count));
        quarters.headMap(quarter - (DAYS + 1) * QUARTERS_PER_DAY).clear();
        if (lastQuarter != Long.MIN_VALUE && quarter != lastQuarter) {
            save();
        }
        lastQuarter = quarter;
    }

    /** The mean of the same quarter hour over the last days measured, or empty when none was. */
    public synchronized Optional<Double> forecastAt(long wallMillis) {
        long quarter = Math.floorDiv(wallMillis, QUARTER_MILLIS);
        double sum = 0;
        int days = 0;
        for (int d = 1; d <= DAYS; d++) {
            Mean m = quarters.get(quarter - d * QUARTERS_PER_DAY);
            if (m != null) {
                sum += m.kw();
                days++;
            }
        }
        return days == 0 ? Optional.empty() : Optional.of(sum / days);
    }

    private void save() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ObjectNode q = root.putObject("quarters");
        quarters.forEach((k, m) -> q.putArray(String.valueOf(k)).add(m.sumKw).add(m.count));
        try {
            DurableFiles.replace(file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            LOG.warn("planner: PV history not saved to {} (kept in memory): {}", file, e.getMessage());
        }
    }

    private void load() {
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root == null || root.path("version").asInt() != 1 || !root.path("quarters").isObject()) {
                throw new IOException("not a version 1 PV history");
            }
            Map<Long, Mean> read = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : root.get("quarters").properties()) {
                JsonNode v = e.getValue();
                if (!v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).canConvertToInt()
                        || v.get(1).intValue() < 1) {
                    throw new IOException("quarter " + e.getKey() + " is not [sumKw, count]");
                }
                read.put(Long.parseLong(e.getKey()), new Mean(v.get(0).doubleValue(), v.get(1).intValue()));
            }
            quarters.putAll(read);
        } catch (NoSuchFileException e) {
            // nothing measured yet
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".set-aside-" + System.currentTimeMillis());
            LOG.warn("planner: PV history {} unreadable ({}): set aside as {}, learning again", file, e.getMessage(),
                    aside);
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                LOG.warn("planner: {} could not be set aside: {}", file, moveFailed.getMessage());
            }
        }
    }
}
