package io.containeredge.control.alarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.gateway.storage.DurableFiles;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm journal on disk: one {@link AlarmEvent} as JSON per line, appended and forced to the
 * device before {@link #append} returns, so a power cut right after loses nothing that was reported
 * done. A line that does not parse (the tail of a write cut by a power loss) is skipped with a
 * warning: losing one event is better than losing the alarm history or refusing to start.
 */
final class AlarmJournal implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmJournal.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            // a journal written by a newer version must still replay
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private FileChannel out;
    private int lines;

    AlarmJournal(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** Reads every event that parses and opens the journal for appending. */
    List<AlarmEvent> replay() throws IOException {
        Files.createDirectories(file.getParent());
        List<AlarmEvent> events = new ArrayList<>();
        lines = 0;
        if (Files.exists(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        events.add(json.readValue(line, AlarmEvent.class));
                    } catch (JsonProcessingException e) {
                        LOG.warn("alarm journal {} line {} skipped (torn or garbled write): {}", file, lines,
                                e.getOriginalMessage());
                    }
                }
            }
        }
        out = openForAppend();
        terminateTornLine();
        return events;
    }

    /** Appends the events and forces them to the device. */
    void append(List<AlarmEvent> events) throws IOException {
        if (events.isEmpty()) {
            return;
        }
        DurableFiles.writeFully(out, encode(events));
        out.force(true);
        lines += events.size();
    }

    /**
     * Replaces the journal with {@code events}: written to a temporary file, forced, renamed over the
     * journal, then the directory forced so the rename itself survives a power cut. At every moment
     * either the old or the new journal is complete on disk.
     */
    void rewrite(List<AlarmEvent> events) throws IOException {
        byte[] bytes = encode(events);
        out.close();
        try {
            DurableFiles.replace(file, bytes);
            lines = events.size();
        } finally {
            out = openForAppend(); // the journal keeps taking events even if the rewrite failed
        }
    }

    /** Lines in the journal, garbled ones included: what compaction is measured against. */
    int lines() {
        return lines;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }

    private FileChannel openForAppend() throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /** Without this the next event would be glued to a torn last line and be lost with it. */
    private void terminateTornLine() throws IOException {
        long size = out.size();
        if (size == 0) {
            return;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            in.read(last, size - 1);
        }
        if (last.get(0) != '\n') {
            DurableFiles.writeFully(out, new byte[] {'\n'});
            out.force(true);
        }
    }

    private byte[] encode(List<AlarmEvent> events) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (AlarmEvent e : events) {
            sb.append(json.writeValueAsString(e)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
