package io.containeredge.gateway.storage.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only journal of records of one type, one JSON object per line. Each append is forced to the
 * device before it returns, so what was reported done survives a power cut. A power cut in the middle of
 * an append leaves a last line without its newline: {@link #open} cuts it off, so the next append starts
 * on a clean line. A line that still does not parse (a damaged disk) is skipped with a warning when read:
 * losing one record is better than losing the journal or refusing to start.
 *
 * <p>Not thread-safe: the owner serialises access.
 *
 * @param <T> the record type, mapped with Jackson
 */
public final class JsonLinesFile<T> implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFile.class);
    private static final int SCAN_CHUNK = 8192;

    private final Path file;
    private final Class<T> type;
    private final ObjectMapper json = new ObjectMapper()
            // a journal written by a newer version must still be readable
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private FileChannel out;
    private int lines;

    public JsonLinesFile(Path file, Class<T> type) {
        this.file = file.toAbsolutePath();
        this.type = type;
    }

    /** Creates the file if needed, cuts a torn last line, counts the lines and opens for appending. */
    public void open() throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            cutTornTail(ch);
            lines = countNewlines(ch);
        }
        out = openForAppend();
    }

    /** Reads every record that parses, oldest first. */
    public void forEach(Consumer<T> each) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    each.accept(json.readValue(line, type));
                } catch (JsonProcessingException e) {
                    LOG.warn("{} line {} skipped (damaged): {}", file, number, e.getOriginalMessage());
                }
            }
        }
    }

    /** Appends one record and forces it to the device; see {@link #appendAll}. */
    public void append(T record) throws IOException {
        appendAll(List.of(record));
    }

    /**
     * Appends the records with one write and forces them to the device once, so a caller with several
     * records at a time pays for one flush, not one per record. When the write fails, the file is cut back
     * to where it was, so a half-written line cannot swallow the next record.
     */
    public void appendAll(List<T> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        byte[] text = encode(records);
        long before = out.size();
        try {
            DurableFiles.writeFully(out, text);
            out.force(true);
        } catch (IOException e) {
            try {
                out.truncate(before);
            } catch (IOException ignored) {
                // the torn line is then cut at the next open
            }
            throw e;
        }
        lines += records.size();
    }

    /**
     * Replaces the whole journal with {@code records}; at every moment the old or the new journal is complete.
     * When the replacement fails the old journal stays and appending to it goes on.
     */
    public void rewrite(List<T> records) throws IOException {
        byte[] text = encode(records);
        out.close();
        try {
            DurableFiles.replace(file, text);
            lines = records.size();
        } finally {
            out = openForAppend();
        }
    }

    /** Lines in the file, damaged ones included: what compaction is measured against. */
    public int lines() {
        return lines;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }

    private byte[] encode(List<T> records) throws JsonProcessingException {
        StringBuilder text = new StringBuilder();
        for (T r : records) {
            text.append(json.writeValueAsString(r)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private FileChannel openForAppend() throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Everything after the last newline is the tail of an append that a power cut interrupted. */
    private void cutTornTail(FileChannel ch) throws IOException {
        long size = ch.size();
        long end = size;
        ByteBuffer buf = ByteBuffer.allocate(SCAN_CHUNK);
        while (end > 0) {
            long start = Math.max(0, end - SCAN_CHUNK);
            buf.clear().limit((int) (end - start));
            while (buf.hasRemaining() && ch.read(buf, start + buf.position()) >= 0) {
                // fill the chunk
            }
            for (int i = (int) (end - start) - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    truncate(ch, size, start + i + 1);
                    return;
                }
            }
            end = start;
        }
        truncate(ch, size, 0);
    }

    private void truncate(FileChannel ch, long size, long keep) throws IOException {
        if (keep < size) {
            LOG.warn("{}: cut {} bytes of a torn last line (write interrupted by a power cut)", file, size - keep);
            ch.truncate(keep);
            ch.force(true);
        }
    }

    private static int countNewlines(FileChannel ch) throws IOException {
        int count = 0;
        ByteBuffer buf = ByteBuffer.allocate(SCAN_CHUNK);
        long position = 0;
        int read;
        while ((read = ch.read(buf, position)) > 0) {
            for (int i = 0; i < read; i++) {
                if (buf.get(i) == '\n') {
                    count++;
                }
            }
            position += read;
            buf.clear();
        }
        return count;
    }
}
