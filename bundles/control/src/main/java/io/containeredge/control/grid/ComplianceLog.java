package io.containeredge.control.grid;

import io.containeredge.control.api.ComplianceSecond;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-second rows of each event, one append-only file per event ({@code <id>.csv} in its folder): written each
 * second as the event runs, so a crash loses at most the second being written, and read back to rebuild an active
 * event's tally after a restart and for the CSV export.
 */
final class ComplianceLog {

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceLog.class);

    private final Path dir;

    ComplianceLog(Path dir) {
        this.dir = dir;
    }

    void append(String eventId, List<ComplianceSecond> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (ComplianceSecond r : rows) {
            text.append(String.format(Locale.ROOT, "%d,%.3f,%.3f,%.3f,%.3f,%b%n", r.epochSecond(), r.baselineKw(),
                    r.targetKw(), r.importKw(), r.shortfallKw(), r.measured()));
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(file(eventId), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.error("grid event {}: {} second(s) of compliance not written to {}: {}", eventId, rows.size(), dir,
                    e.getMessage());
        }
    }

    /** The event's rows, oldest first; a torn last line (a crash while writing) is left out. */
    List<ComplianceSecond> read(String eventId) {
        List<ComplianceSecond> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file(eventId), StandardCharsets.UTF_8)) {
                String[] f = line.split(",");
                if (f.length != 6) {
                    continue;
                }
                try {
                    rows.add(new ComplianceSecond(Long.parseLong(f[0]), Double.parseDouble(f[1]),
                            Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                            Boolean.parseBoolean(f[5])));
                } catch (NumberFormatException e) {
                    LOG.warn("grid event {}: a torn compliance row left out: {}", eventId, line);
                }
            }
        } catch (NoSuchFileException e) {
            return rows;
        } catch (IOException e) {
            LOG.error("grid event {}: compliance unreadable in {}: {}", eventId, dir, e.getMessage());
        }
        return rows;
    }

    void delete(String eventId) {
        try {
            Files.deleteIfExists(file(eventId));
        } catch (IOException e) {
            LOG.warn("grid event {}: old compliance file not deleted: {}", eventId, e.getMessage());
        }
    }

    private Path file(String eventId) {
        return dir.resolve(eventId + ".csv");
    }
}
