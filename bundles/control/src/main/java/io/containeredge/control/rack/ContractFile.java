package io.containeredge.control.rack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.gateway.storage.api.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenants' contract counts of the month (hours the band was capped, breaches), kept across restarts: a restart
 * must neither give the operator a new allowance of caps nor forget a breach. Written whole, durably.
 */
public final class ContractFile {

    private static final Logger LOG = LoggerFactory.getLogger(ContractFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One tenant's counts. */
    public record Counts(long cappedMillis, long breaches) {
    }

    /** The file's content: the month and each tenant's counts. */
    public record Content(String month, Map<String, Counts> tenants) {
    }

    private final Path file;

    public ContractFile(Path file) {
        this.file = file;
    }

    /** The counts of {@code month} by tenant; none when the file is of another month, missing or unreadable. */
    public Map<String, Counts> load(YearMonth month) {
        try {
            Content c = JSON.readValue(Files.readAllBytes(file), Content.class);
            return month.toString().equals(c.month()) && c.tenants() != null ? c.tenants() : Map.of();
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | RuntimeException e) {
            LOG.error("contract counts {} unreadable, this month's caps and breaches start from zero: {}", file,
                    e.getMessage());
            return Map.of();
        }
    }

    public void save(YearMonth month, Map<String, Counts> tenants) {
        try {
            DurableFiles.replace(file, JSON.writeValueAsBytes(new Content(month.toString(),
                    new LinkedHashMap<>(tenants))));
        } catch (IOException e) {
            LOG.error("contract counts not saved to {}: {}", file, e.getMessage());
        }
    }
}
