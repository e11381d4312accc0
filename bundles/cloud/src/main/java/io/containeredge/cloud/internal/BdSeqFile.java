package io.containeredge.cloud.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The next Sparkplug bdSeq, kept in a one-line text file so a restarted gateway never reuses the
 * bdSeq of a connection whose NDEATH the host may still get. Written to a temporary file, fsynced,
 * then renamed over the old one: a crash leaves either the old or the new value.
 */
final class BdSeqFile {

    private static final Logger LOG = LoggerFactory.getLogger(BdSeqFile.class);
    private final Path file;

    BdSeqFile(Path file) {
        this.file = file;
    }

    /** The stored value, 0 when there is none or it is unreadable (logged). */
    int read() {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            int v = Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (v >= 0 && v <= 255) {
                return v;
            }
            LOG.warn("{} holds {}, not 0..255; starting at bdSeq 0", file, v);
        } catch (IOException | NumberFormatException e) {
            LOG.warn("{} unreadable ({}); starting at bdSeq 0", file, e.getMessage());
        }
        return 0;
    }

    void write(int next) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap((next + "\n").getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tmp, e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + tmp + " to " + file, e);
        }
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true); // the rename itself
        } catch (IOException e) {
            LOG.debug("cannot fsync directory {}: {}", file.getParent(), e.getMessage());
        }
    }
}
