package io.containeredge.cloud.internal;

import io.containeredge.gateway.storage.api.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which grid-event records were queued, one key a line in a small file of the cloud's data directory, so that a
 * restarted gateway does not send an event's performance or opt-out again. Rewritten whole (fsynced, renamed) after
 * each record; only the keys of events the controller still shows are kept, so the file stays as small as the
 * controller's list (the past 30 days).
 */
final class PublishedGridRecords {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedGridRecords.class);

    private final Path file;
    private final Set<String> keys = new LinkedHashSet<>();

    /** Reads what was published before; an unreadable file is logged and counts as empty (a record may repeat). */
    PublishedGridRecords(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(keys::add);
            } catch (IOException e) {
                LOG.warn("{} unreadable ({}); grid-event records may be sent again", file, e.getMessage());
            }
        }
    }

    boolean contains(String key) {
        return keys.contains(key);
    }

    /**
     * Remembers {@code key} durably, keeping only the keys of events the controller still shows: an event gone
     * from its list never comes back.
     *
     * @param live the ids of the events the controller shows now, e.g. {@code mqtt:dr-7}
     * @throws UncheckedIOException when the file cannot be written (the record then counts as sent this run only)
     */
    void add(String key, Collection<String> live) {
        keys.add(key);
        keys.removeIf(k -> live.stream().noneMatch(id -> eventOf(k).equals(id)));
        try {
            DurableFiles.replace(file, String.join("\n", List.copyOf(keys)).concat("\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("grid-event records' ledger " + file + " not saved", e);
        }
    }

    /** A key is {@code <kind> <event id> [<more>]}: the event id is its second word. */
    static String key(String kind, String eventId, String more) {
        return kind + " " + eventId + (more.isEmpty() ? "" : " " + more);
    }

    private static String eventOf(String key) {
        String[] words = key.split(" ", 3);
        return words.length > 1 ? words[1] : "";
    }
}
