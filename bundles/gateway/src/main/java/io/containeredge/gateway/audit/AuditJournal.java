package io.containeredge.gateway.audit;

import io.containeredge.gateway.api.AuditRecord;
import io.containeredge.gateway.api.AuditTrail;
import io.containeredge.gateway.storage.api.JsonLinesFile;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The audit trail on disk: {@code audit.jsonl}, one {@link AuditRecord} per line, each forced to the device
 * before {@link #record} returns. The next sequence number is recovered from the file, so numbers keep
 * increasing across restarts and {@code kill -9}. The file is bounded: past {@code compactAbove} lines it
 * is rewritten with the newest {@code keep} records.
 *
 * <p>Only the newest records are held in memory (a gateway may have 64 MB of heap); queries reaching
 * further back read the file.
 */
public final class AuditJournal implements AuditTrail, Closeable {

    static final int COMPACT_ABOVE = 20_000;
    static final int KEEP = 10_000;
    static final int MEMORY = 1_000;

    private final JsonLinesFile<AuditRecord> file;
    private final LongSupplier clock;
    private final int compactAbove;
    private final int keep;
    private final int memory;
    private final Deque<AuditRecord> newest = new ArrayDeque<>();
    private long nextSequence = 1;

    AuditJournal(Path file, LongSupplier clock, int compactAbove, int keep, int memory) {
        this.file = new JsonLinesFile<>(file, AuditRecord.class);
        this.clock = clock;
        this.compactAbove = compactAbove;
        this.keep = keep;
        this.memory = memory;
    }

    /** Opens (or creates) the journal at {@code file} with the production bounds. */
    public static AuditJournal open(Path file, LongSupplier clock) throws IOException {
        AuditJournal journal = new AuditJournal(file, clock, COMPACT_ABOVE, KEEP, MEMORY);
        journal.load();
        return journal;
    }

    void load() throws IOException {
        file.open();
        file.forEach(r -> {
            nextSequence = Math.max(nextSequence, r.sequence() + 1);
            remember(r);
        });
    }

    @Override
    public synchronized AuditRecord record(String actor, String origin, String action, String target, String outcome,
            String detail) {
        AuditRecord r = new AuditRecord(nextSequence, clock.getAsLong(), text(actor), text(origin), text(action),
                text(target), text(outcome), text(detail));
        try {
            file.append(r);
            nextSequence++;
            remember(r);
            if (file.lines() > compactAbove) {
                compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("audit record not stored in " + file.file(), e);
        }
        return r;
    }

    @Override
    public synchronized List<AuditRecord> after(long sequence, int max) {
        if (max <= 0) {
            return List.of();
        }
        if (!newest.isEmpty() && sequence >= newest.peekFirst().sequence() - 1) {
            return newest.stream().filter(r -> r.sequence() > sequence).limit(max).toList();
        }
        List<AuditRecord> found = new ArrayList<>();
        readAll(r -> {
            if (r.sequence() > sequence && found.size() < max) {
                found.add(r);
            }
        });
        return found;
    }

    @Override
    public synchronized List<AuditRecord> recent(int max) {
        if (max <= 0) {
            return List.of();
        }
        Deque<AuditRecord> source = newest;
        // fewer than `memory` records in memory means they are all there are
        if (max > newest.size() && newest.size() == memory) {
            source = lastOfFile(max);
        }
        List<AuditRecord> result = new ArrayList<>(Math.min(max, source.size()));
        Iterator<AuditRecord> it = source.descendingIterator();
        while (it.hasNext() && result.size() < max) {
            result.add(it.next());
        }
        return result;
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }

    private void compact() throws IOException {
        file.rewrite(List.copyOf(lastOfFile(keep)));
    }

    private Deque<AuditRecord> lastOfFile(int count) {
        Deque<AuditRecord> last = new ArrayDeque<>(Math.min(count, compactAbove));
        readAll(r -> {
            if (last.size() == count) {
                last.removeFirst();
            }
            last.addLast(r);
        });
        return last;
    }

    private void readAll(Consumer<AuditRecord> each) {
        try {
            file.forEach(each);
        } catch (IOException e) {
            throw new UncheckedIOException("audit trail " + file.file() + " not readable", e);
        }
    }

    private void remember(AuditRecord r) {
        if (newest.size() == memory) {
            newest.removeFirst();
        }
        newest.addLast(r);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
