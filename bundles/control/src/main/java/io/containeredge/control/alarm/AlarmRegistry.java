package io.containeredge.control.alarm;

import io.containeredge.control.api.Alarm;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.gateway.storage.api.JsonLinesFile;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which alarms are active, which were, and who acknowledged them. Fed once per control cycle with the
 * conditions the guards report ({@link #update}); a condition with the same id in consecutive cycles
 * is one alarm, which clears in the first cycle it is not reported. An id keeps the severity, message
 * and reading of the cycle that raised it.
 *
 * <p>Every change is appended to a journal (one {@link AlarmEvent} per line, forced to the device) before
 * the call returns and the journal is replayed on construction, so active alarms and acknowledgements
 * survive a restart or power cut. A journal that cannot be written is logged and the registry carries on
 * in memory: alarms must keep working on a full or failed disk. Thread-safe: the control cycle updates
 * while the API acknowledges.
 */
public final class AlarmRegistry implements Closeable {

    public static final int DEFAULT_COMPACT_ABOVE_LINES = 10_000;
    public static final int DEFAULT_HISTORY = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(AlarmRegistry.class);

    private final JsonLinesFile<AlarmEvent> journal;
    private final int compactAboveLines;
    private final int historyLimit;
    /** Active alarms by id, in the order they were raised. */
    private final Map<String, Alarm> active = new LinkedHashMap<>();
    /** Cleared alarms, oldest first, at most {@link #historyLimit}. */
    private final List<Alarm> cleared = new ArrayList<>();

    /** A registry kept in {@code journal}, created (with its directory) if missing. */
    public AlarmRegistry(Path journal) {
        this(journal, DEFAULT_COMPACT_ABOVE_LINES, DEFAULT_HISTORY);
    }

    /**
     * @param compactAboveLines rewrite the journal when it has more lines than this
     * @param historyLimit cleared alarms kept in memory and through compaction; less than half of
     *     {@code compactAboveLines}, so a compacted journal is not compacted again at once
     * @throws UncheckedIOException if the journal exists but cannot be read or opened for writing
     */
    public AlarmRegistry(Path journal, int compactAboveLines, int historyLimit) {
        if (historyLimit < 0 || historyLimit >= compactAboveLines / 2) {
            throw new IllegalArgumentException("need 0 <= historyLimit < compactAboveLines / 2, got "
                    + historyLimit + " and " + compactAboveLines);
        }
        this.journal = new JsonLinesFile<>(journal, AlarmEvent.class);
        this.compactAboveLines = compactAboveLines;
        this.historyLimit = historyLimit;
        try {
            this.journal.open();
            this.journal.forEach(e -> apply(e.alarm()));
        } catch (IOException e) {
            throw new UncheckedIOException("alarm journal " + journal + " cannot be opened", e);
        }
        LOG.info("alarm journal {}: {} active, {} in history", this.journal.file(), active.size(), cleared.size());
        compactIfDue();
    }

    /**
     * Raises the conditions not yet active and clears the active alarms not in {@code present}.
     *
     * @return what changed, raises first, in the order of {@code present}
     */
    public synchronized List<AlarmEvent> update(List<AlarmCondition> present, long nowMillis) {
        List<AlarmEvent> events = new ArrayList<>();
        Map<String, AlarmCondition> byId = new LinkedHashMap<>();
        present.forEach(c -> byId.putIfAbsent(c.id(), c));
        for (AlarmCondition c : byId.values()) {
            if (!active.containsKey(c.id())) {
                events.add(new AlarmEvent(AlarmEvent.Type.RAISED, AlarmLife.raised(c, nowMillis)));
            }
        }
        for (Alarm a : active.values()) {
            if (!byId.containsKey(a.id())) {
                events.add(new AlarmEvent(AlarmEvent.Type.CLEARED, AlarmLife.clear(a, nowMillis)));
            }
        }
        commit(events);
        return events;
    }

    /**
     * Raises one condition and leaves every other alarm as it is: for a condition found outside the
     * control cycle, e.g. the cycle itself given up, which {@link #update} would take as the only one present.
     *
     * @return the RAISED event, empty if an alarm with that id is already active
     */
    public synchronized Optional<AlarmEvent> raise(AlarmCondition c, long nowMillis) {
        if (active.containsKey(c.id())) {
            return Optional.empty();
        }
        AlarmEvent event = new AlarmEvent(AlarmEvent.Type.RAISED, AlarmLife.raised(c, nowMillis));
        commit(List.of(event));
        return Optional.of(event);
    }

    /**
     * Acknowledges the active alarm {@code id}, or if none is active the latest cleared occurrence of
     * it that nobody acknowledged (an alarm that came and went still needs someone to see it).
     *
     * @return the ACKNOWLEDGED event, empty if there is nothing unacknowledged with that id
     */
    public synchronized Optional<AlarmEvent> acknowledge(String id, String who, long nowMillis) {
        Alarm target = active.get(id);
        if (target == null) {
            for (int i = cleared.size() - 1; i >= 0 && target == null; i--) {
                if (cleared.get(i).id().equals(id)) {
                    target = cleared.get(i);
                }
            }
        }
        if (target == null || target.acknowledged()) {
            return Optional.empty();
        }
        AlarmEvent event = new AlarmEvent(AlarmEvent.Type.ACKNOWLEDGED, AlarmLife.acknowledge(target, who, nowMillis));
        commit(List.of(event));
        return Optional.of(event);
    }

    /** Active alarms in the order they were raised. */
    public synchronized List<Alarm> active() {
        return List.copyOf(active.values());
    }

    /** Up to {@code max} alarms, active and cleared, most recently raised first. */
    public synchronized List<Alarm> history(int max) {
        return Stream.concat(active.values().stream(), cleared.stream())
                .sorted(Comparator.comparingLong(Alarm::raisedMillis).reversed())
                .limit(Math.max(0, max))
                .toList();
    }

    /** True while a CRITICAL alarm is active, acknowledged or not: the beacon stays on until it clears. */
    public synchronized boolean anyActiveCritical() {
        return active.values().stream().anyMatch(a -> a.severity() == Severity.CRITICAL);
    }

    @Override
    public synchronized void close() throws IOException {
        journal.close();
    }

    private void commit(List<AlarmEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        events.forEach(e -> apply(e.alarm()));
        try {
            journal.appendAll(events);
        } catch (IOException e) {
            LOG.error("alarm journal {}: {} events not persisted: {}", journal.file(), events.size(), e.toString());
        }
        compactIfDue();
    }

    /** Puts the state an event carries in place; the same for live changes and replay. */
    private void apply(Alarm a) {
        if (a.active()) {
            active.put(a.id(), a);
            return;
        }
        Alarm current = active.get(a.id());
        if (current != null && AlarmLife.sameOccurrence(current, a)) {
            active.remove(a.id());
        }
        for (int i = cleared.size() - 1; i >= 0; i--) {
            if (AlarmLife.sameOccurrence(cleared.get(i), a)) {
                cleared.set(i, a); // an acknowledgement after clearing keeps its place in the history
                return;
            }
        }
        cleared.add(a);
        if (cleared.size() > historyLimit) {
            cleared.subList(0, cleared.size() - historyLimit).clear();
        }
    }

    /** Rewrites the journal as one event per alarm still known: the active ones and the history. */
    private void compactIfDue() {
        if (journal.lines() <= compactAboveLines) {
            return;
        }
        List<AlarmEvent> kept = new ArrayList<>();
        cleared.forEach(a -> kept.add(new AlarmEvent(AlarmEvent.Type.CLEARED, a)));
        active.values().forEach(a -> kept.add(new AlarmEvent(AlarmEvent.Type.RAISED, a)));
        try {
            int before = journal.lines();
            journal.rewrite(kept);
            LOG.info("alarm journal {} compacted from {} to {} lines", journal.file(), before, kept.size());
        } catch (IOException e) {
            LOG.error("alarm journal {} not compacted: {}", journal.file(), e.toString());
        }
    }
}
