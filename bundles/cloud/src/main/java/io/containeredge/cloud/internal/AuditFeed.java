package io.containeredge.cloud.internal;

import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.gateway.api.AuditRecord;
import io.containeredge.gateway.api.AuditTrail;
import io.containeredge.gateway.storage.api.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Copies the audit trail into the outbound queue (kind {@link MessageKind#AUDIT}, never thinned).
 * The sequence number of the last record queued is kept in a file, written after the records are in
 * the queue: a crash in between sends those records twice (consumers de-duplicate by
 * {@code sequence}), never not at all.
 */
final class AuditFeed {

    private static final int BATCH = 200;

    private final String topic;
    private final Path cursorFile;
    private long cursor;

    AuditFeed(String topic, Path cursorFile) throws IOException {
        this.topic = topic;
        this.cursorFile = cursorFile;
        this.cursor = Files.exists(cursorFile) ? parse(Files.readString(cursorFile, StandardCharsets.UTF_8)) : 0;
    }

    private static long parse(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0; // unreadable: send the trail again rather than skip part of it
        }
    }

    /** Queues every record newer than the cursor through {@code queue}, then moves the cursor. */
    void forward(AuditTrail trail, Consumer<OutboundMessage> queue, long now) {
        List<AuditRecord> records = trail.after(cursor, BATCH);
        while (!records.isEmpty()) {
            for (AuditRecord r : records) {
                queue.accept(JsonRecord.message(topic, fields(r), MessageKind.AUDIT, now));
            }
            cursor = records.get(records.size() - 1).sequence();
            saveCursor();
            records = records.size() < BATCH ? List.of() : trail.after(cursor, BATCH);
        }
    }

    private void saveCursor() {
        try {
            DurableFiles.replace(cursorFile, Long.toString(cursor).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("audit cursor " + cursorFile + " not saved", e);
        }
    }

    private static Map<String, Object> fields(AuditRecord r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sequence", r.sequence());
        json.put("timestamp", r.timestampMillis());
        json.put("actor", r.actor());
        json.put("origin", r.origin());
        json.put("action", r.action());
        json.put("target", r.target());
        json.put("outcome", r.outcome());
        json.put("detail", r.detail());
        return json;
    }
}
