package io.containeredge.control.slots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local file a site's own program writes, watched by its modification time and size every few seconds (cheap, and
 * robust where file events are not: network and bind mounts, editors that replace the file). Each new version is
 * handed over once; a version that cannot be read or is refused goes to the refusal handler and changes nothing. An
 * unchanged file is not taken again.
 */
public final class WatchedFile {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedFile.class);

    private final Path file;
    private final String notYet;
    private final Consumer<String> take;
    private final Consumer<String> refused;
    private Version seen;
    private boolean missingLogged;

    /** A version of the file as its attributes tell it apart. */
    private record Version(long modifiedMillis, long size) {
    }

    /**
     * @param notYet logged once while the file does not exist ("economics: price file x not written yet: ...")
     * @param take reads and applies a version's text; throws IllegalArgumentException with the reason to refuse it
     * @param refused told why a version was refused or could not be read
     */
    public WatchedFile(Path file, String notYet, Consumer<String> take, Consumer<String> refused) {
        this.file = file;
        this.notYet = notYet;
        this.take = take;
        this.refused = refused;
    }

    public Path file() {
        return file;
    }

    /** Takes the file if it changed since last seen; never throws, so a scheduled check is never cancelled. */
    public void check() {
        Version version;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            version = new Version(a.lastModifiedTime().toMillis(), a.size());
        } catch (NoSuchFileException e) {
            if (!missingLogged) {
                LOG.info(notYet);
                missingLogged = true;
            }
            return;
        } catch (IOException e) {
            refused.accept("not readable: " + e.getMessage());
            return;
        }
        if (version.equals(seen)) {
            return;
        }
        seen = version;
        try {
            take.accept(Files.readString(file));
        } catch (IOException | IllegalArgumentException e) {
            refused.accept(e.getMessage());
        } catch (RuntimeException e) { // NOPMD: whatever a file does, the watcher keeps running and says why
            refused.accept(e.toString());
        }
    }
}
