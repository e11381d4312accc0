package io.containeredge.console.history;

import io.containeredge.gateway.storage.api.DurableFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a ring file to the header a release wants before the ring is opened, so that a release
 * which adds, drops or reorders a column, or changes the number of slots, keeps the history.
 *
 * <p>Values move by column name: a new column reads NaN (no data) for the periods before it existed,
 * a dropped column goes away. The new file is written whole beside the old one, forced and renamed
 * over it ({@link DurableFiles#replace}), so a power cut leaves the old file or the new one, never a
 * mix, and the next start simply migrates again. A file this release cannot read (another kind of
 * file, a newer format after a rollback) is renamed aside, never overwritten.
 */
final class RingMigration {

    private static final Logger LOG = LoggerFactory.getLogger(RingMigration.class);

    private RingMigration() {
    }

    /**
     * Leaves {@code file} as a ring with the header {@code wanted} and its full size.
     *
     * @return true when the ring starts empty: there was no file, or an unreadable one was moved aside
     */
    static boolean prepare(Path file, RingHeader wanted) throws IOException {
        // an empty file is what a crash in the middle of creating one by the first release leaves
        if (!Files.exists(file) || Files.size(file) == 0) {
            DurableFiles.replace(file, RingFile.image(wanted, List.of()));
            return true;
        }
        RingHeader found;
        List<RingFile.Entry> entries;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            found = RingHeader.read(channel);
            if (found.equals(wanted) && channel.size() == wanted.fileBytes()) {
                return false;
            }
            entries = new RingFile(channel, found, false).read(Long.MIN_VALUE, Long.MAX_VALUE);
        } catch (UnreadableRingException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis());
            // the directory is forced by the replace that follows, which makes both renames durable
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.replace(file, RingFile.image(wanted, List.of()));
            LOG.warn("history file {} cannot be read ({}): moved to {} unchanged, the history starts empty", file,
                    e.getMessage(), aside.getFileName());
            return true;
        }
        DurableFiles.replace(file, RingFile.image(wanted, byName(entries, found.columns(), wanted.columns())));
        LOG.info("history file {} migrated from format {} ({} slots, columns {}) to format {} ({} slots, columns {}):"
                + " records moved: {}", file, found.format(), found.slots(), found.columns(), wanted.format(),
                wanted.slots(), wanted.columns(), entries.size());
        return false;
    }

    /** The entries with their values under the columns {@code to}, taken from {@code from} by name. */
    private static List<RingFile.Entry> byName(List<RingFile.Entry> entries, List<String> from, List<String> to) {
        int[] source = to.stream().mapToInt(from::indexOf).toArray();
        return entries.stream().map(e -> {
            double[] values = new double[source.length];
            Arrays.fill(values, Double.NaN);
            for (int c = 0; c < source.length; c++) {
                if (source[c] >= 0) {
                    values[c] = e.values()[source[c]];
                }
            }
            return new RingFile.Entry(e.period(), values);
        }).toList();
    }
}
