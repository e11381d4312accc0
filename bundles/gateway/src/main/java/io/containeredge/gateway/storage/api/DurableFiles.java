package io.containeredge.gateway.storage.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writing so that a power cut at any moment leaves either the old or the new content on disk, never a
 * mix: content goes to a temporary sibling, is forced to the device, renamed over the target, and the
 * parent directory is forced so the rename itself is durable.
 */
public final class DurableFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DurableFiles.class);

    private DurableFiles() {
    }

    /** Replaces {@code file} with {@code content} atomically (temporary sibling, force, rename, force directory). */
    public static void replace(Path file, byte[] content) throws IOException {
        Path tmp = temporarySibling(file);
        writeNew(tmp, content);
        publish(tmp, file);
    }

    /**
     * Like {@link #replace}, for secrets (keys, passwords): the file is readable and writable by its owner
     * only from the moment it is created, so no other user can ever read the content. POSIX file systems only.
     */
    public static void replaceOwnerOnly(Path file, byte[] content) throws IOException {
        Path tmp = temporarySibling(file);
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        writeNew(tmp, content);
        publish(tmp, file);
    }

    /** Creates (or truncates) {@code file}, writes {@code content} and forces it to the device. */
    public static void writeNew(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, content);
            ch.force(true);
        }
    }

    /**
     * Renames a completely written and forced directory to {@code target} atomically, then forces the
     * parent so the new name survives a power cut. Never replaces an existing {@code target} (a rename
     * would silently replace an empty directory).
     *
     * @throws FileAlreadyExistsException when {@code target} exists
     */
    public static void publishDirectory(Path written, Path target) throws IOException {
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        forceDirectory(written);
        Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(target.toAbsolutePath().getParent());
    }

    private static Path temporarySibling(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    private static void publish(Path written, Path file) throws IOException {
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(file.toAbsolutePath().getParent());
    }

    /** Deletes a directory tree; missing files are no error. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Forces a directory's entries (new names, renames) to the device. */
    public static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory; renames are then only as durable as they make them
            LOG.debug("cannot force directory {}: {}", dir, e.getMessage());
        }
    }

    /** Writes every byte: one {@link FileChannel#write} may write fewer. */
    public static void writeFully(FileChannel ch, byte[] content) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
