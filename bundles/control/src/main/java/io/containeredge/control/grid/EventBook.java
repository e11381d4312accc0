package io.containeredge.control.grid;

import io.containeredge.control.api.ComplianceSecond;
import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.GridEventStatus.State;
import io.containeredge.control.api.Verdict;
import io.containeredge.site.api.EventSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container's demand-response events, whoever sent them: checked once ({@link EventChecks}), kept across restarts,
 * advanced by the control cycle (baseline, ramp, the import they allow, one compliance row per second, the opt-out said
 * as soon as an event cannot be met) and closed with a performance record. Thread-safe: senders schedule and cancel
 * from their threads, the cycle advances, people read.
 */
public final class EventBook {

    /** The verdicts' source name: what people read as the binding limit. */
    public static final String GUARD = "grid event";
    private static final Logger LOG = LoggerFactory.getLogger(EventBook.class);

    private final EventSettings settings;
    private final double importCapKw;
    private final EventFile file;
    private final ComplianceLog log;
    private final LoadHistory history;
    private final Map<String, HeldEvent> events = new LinkedHashMap<>();
    /** The last cycle's load: an event scheduled between cycles is judged on it (null before the first cycle). */
    private SiteLoad lastLoad;

    public EventBook(EventSettings settings, double importCapKw, Path dir) {
        this.settings = settings;
        this.importCapKw = importCapKw;
        this.file = new EventFile(dir.resolve("events.json"));
        this.log = new ComplianceLog(dir);
        this.history = new LoadHistory((int) settings.baselineWindow().toSeconds() + 60);
        for (HeldEvent.Saved s : file.load()) {
            HeldEvent h = HeldEvent.restored(s);
            for (ComplianceSecond row : log.read(s.id())) {
                h.tally.add(row);
                h.lastSecond = Math.max(h.lastSecond, row.epochSecond());
            }
            events.put(s.id(), h);
        }
    }

    /** Schedules or updates an event; see {@code ControlService.scheduleEvent}. */
    public synchronized GridEventStatus schedule(GridEvent e, long wall) {
        EventChecks.check(e, importCapKw, wall);
        HeldEvent held = events.get(e.id());
        if (held != null && held.finished()) {
            throw new IllegalArgumentException("event " + e.id() + " has ended (" + held.state.name().toLowerCase(
                    Locale.ROOT) + "): a new event needs a new id");
        }
        if (held == null) {
            held = new HeldEvent(e);
            events.put(e.id(), held);
            if (settings.baseline() == EventSettings.Baseline.BEFORE_NOTIFICATION) {
                held.baselineKw = history.average(e.notifiedMillis() - settings.baselineWindow().toMillis(),
                        e.notifiedMillis()).orElse(Double.NaN);
            }
        } else {
            held.event = e; // an update from its sender: its baseline, ramp start and seconds stay
        }
        judge(held, wall);
        save();
        LOG.info("grid event {} ({}) from {}: {} interval(s) {} .. {}{}", e.id(), e.name(), e.source(),
                e.intervals().size(), Instant.ofEpochMilli(e.startMillis()),
                Instant.ofEpochMilli(e.endMillis()), held.optOut.isEmpty() ? "" : "; OPT-OUT: " + held.optOut);
        return status(held, wall);
    }

    /** Cancels an event; see {@code ControlService.cancelEvent}. */
    public synchronized boolean cancel(String id, String source, long wall) {
        HeldEvent held = events.get(id);
        if (held == null || held.finished()) {
            return false;
        }
        if (held.state == State.UPCOMING) {
            events.remove(id);
        } else {
            held.state = State.CANCELLED;
            held.cancelledMillis = wall;
        }
        save();
        LOG.info("grid event {} cancelled by {}", id, source);
        return true;
    }

    /**
     * One control cycle: every event's state, baseline and compliance, and the verdict of each that limits the import
     * now. Finished events older than the settings' {@code keepPast} are dropped with their records.
     */
    public synchronized List<Verdict> advance(long wall, SiteLoad load) {
        lastLoad = load;
        history.record(wall, load.importKw(), load.good());
        List<Verdict> verdicts = new ArrayList<>();
        boolean changed = false;
        for (HeldEvent h : events.values()) {
            changed |= step(h, wall, load);
            if (h.state == State.ACTIVE) {
                double allowed = EventTargets.allowedKw(h.event, wall, h.baselineKw, h.rampFromKw,
                        settings.levelReductionPct());
                if (!Double.isNaN(allowed)) {
                    verdicts.add(verdict(h, allowed, load, wall));
                }
            }
        }
        changed |= events.values().removeIf(h -> h.finished()
                && h.endMillis() < wall - settings.keepPast().toMillis() && deleted(h));
        if (changed) {
            save();
        }
        return verdicts;
    }

    /** Upcoming, active and past events, by start. */
    public synchronized List<GridEventStatus> statuses(long wall) {
        return events.values().stream().sorted(Comparator.comparingLong(h -> h.event.startMillis()))
                .map(h -> status(h, wall)).toList();
    }

    /**
     * The lowest export limit of the events in force at {@code wall} (OpenADR {@code EXPORT_CAPACITY_LIMIT}); empty when
     * none asks for one.
     */
    public synchronized OptionalDouble exportLimitKw(long wall) {
        return valuesAt(wall, EventTarget.Kind.EXPORT_LIMIT_KW).min();
    }

    /** The energy price an event sets for {@code wall} (OpenADR {@code PRICE}), the latest scheduled one first. */
    public synchronized Optional<EventPrice> priceAt(long wall) {
        EventPrice found = null;
        for (HeldEvent h : events.values()) {
            Optional<EventInterval> in = EventTargets.intervalAt(h.event, wall);
            if (h.state != State.CANCELLED && in.isPresent()
                    && in.get().target().kind() == EventTarget.Kind.PRICE_USD_PER_MWH) {
                found = new EventPrice(h.event.id(), h.event.name(), in.get().target().value());
            }
        }
        return Optional.ofNullable(found);
    }

    /** A price an event sets. */
    public record EventPrice(String eventId, String name, double usdPerMwh) {
    }

    private DoubleStream valuesAt(long wall, EventTarget.Kind kind) {
        return events.values().stream().filter(h -> h.state == State.ACTIVE || h.state == State.UPCOMING)
                .flatMap(h -> EventTargets.intervalAt(h.event, wall).stream())
                .filter(in -> in.target().kind() == kind).mapToDouble(in -> in.target().value());
    }

    /** An event's rows; empty when there is no such event. */
    public synchronized Optional<List<ComplianceSecond>> compliance(String id) {
        return events.containsKey(id) ? Optional.of(log.read(id)) : Optional.empty();
    }

    /** Moves an event on to {@code wall}; true when its state changed (the file is saved). */
    private boolean step(HeldEvent h, long wall, SiteLoad load) {
        if (h.finished()) {
            return false;
        }
        boolean changed = false;
        if (h.state == State.UPCOMING && wall >= h.event.startMillis()) {
            start(h, load);
            changed = true;
        }
        if (h.state == State.ACTIVE) {
            record(h, Math.min(wall, h.endMillis()), load);
            if (wall >= h.event.endMillis()) {
                h.state = State.COMPLETED;
                LOG.info("grid event {} completed: {}", h.event.id(), h.performance());
                changed = true;
            }
        }
        if (Double.isNaN(h.baselineKw) && load.good() && !h.finished()
                && settings.baseline() == EventSettings.Baseline.BEFORE_NOTIFICATION) {
            h.baselineKw = load.importKw(); // no history before the notification: the first good reading after it
            changed = true;
        }
        return changed | judge(h, wall);
    }

    private void start(HeldEvent h, SiteLoad load) {
        h.state = State.ACTIVE;
        if (settings.baseline() == EventSettings.Baseline.BEFORE_START || Double.isNaN(h.baselineKw)) {
            long start = h.event.startMillis();
            OptionalDouble b = history.average(start - settings.baselineWindow().toMillis(), start);
            h.baselineKw = b.isPresent() ? b.getAsDouble() : load.good() ? load.importKw() : Double.NaN;
        }
        h.rampFromKw = load.good() ? load.importKw() : h.baselineKw;
        LOG.info("grid event {} active: baseline {} kW, ramp from {} kW", h.event.id(), kw(h.baselineKw),
                kw(h.rampFromKw));
    }

    /** The rows of the seconds since the last one, up to {@code wall}'s; the seconds it did not see are unmeasured. */
    private void record(HeldEvent h, long wall, SiteLoad load) {
        long now = Math.floorDiv(wall, 1000);
        List<ComplianceSecond> rows = new ArrayList<>();
        for (long s = h.lastSecond + 1; s <= now; s++) {
            double allowed = EventTargets.allowedKw(h.event, s * 1000, h.baselineKw, h.rampFromKw,
                    settings.levelReductionPct());
            if (Double.isNaN(allowed)) {
                continue; // between intervals, or an interval that does not limit the import
            }
            boolean seen = s == now && load.good();
            double importKw = seen ? load.importKw() : Double.NaN;
            ComplianceSecond row = new ComplianceSecond(s, h.baselineKw, allowed, importKw,
                    seen ? Math.max(0, importKw - allowed) : Double.NaN, !EventTargets.inRamp(h.event, s * 1000));
            rows.add(row);
            h.tally.add(row);
        }
        h.lastSecond = Math.max(h.lastSecond, now);
        log.append(h.event.id(), rows);
    }

    /** Says once, as soon as it is known, that an event asks for less than the floors and the other load; true then. */
    private boolean judge(HeldEvent h, long wall) {
        if (!h.optOut.isEmpty() || h.finished() || lastLoad == null) {
            return false;
        }
        double lowest = lastLoad.lowestImportKw();
        for (EventInterval in : h.event.intervals()) {
            double target = EventTargets.targetKw(in.target(), h.baselineKw, settings.levelReductionPct());
            if (in.endMillis() > wall && target < lowest) {
                h.optOut = String.format(Locale.ROOT, "the event allows %.0f kW but the firm floors (%.0f kW) and the"
                        + " load that is not controllable (%.0f kW) draw %.0f kW: met down to the floors only",
                        target, lastLoad.floorKw(), lastLoad.otherKw(), lowest);
                LOG.warn("grid event {}: opt-out: {}", h.event.id(), h.optOut);
                return true;
            }
        }
        return false;
    }

    private Verdict verdict(HeldEvent h, double allowedKw, SiteLoad load, long wall) {
        EventInterval in = EventTargets.intervalAt(h.event, wall).orElseThrow();
        String reason = String.format(Locale.ROOT, "%s (%s): import ≤ %.0f kW%s", h.event.name(), h.event.id(),
                allowedKw, EventTargets.inRamp(h.event, wall) ? " (ramping)" : "");
        return new Verdict(GUARD, load.loadLimitKw(allowedKw), false, reason, List.of(), Verdict.Strength.SOFT,
                in.endMillis());
    }

    private GridEventStatus status(HeldEvent h, long wall) {
        double target = h.state == State.ACTIVE ? EventTargets.allowedKw(h.event, wall, h.baselineKw, h.rampFromKw,
                settings.levelReductionPct()) : Double.NaN;
        String reason = switch (h.state) {
            case UPCOMING -> "starts " + Instant.ofEpochMilli(h.event.startMillis());
            case ACTIVE -> Double.isNaN(target) ? "active, no import limit in this interval"
                    : String.format(Locale.ROOT, "import ≤ %.0f kW, baseline %s kW", target, kw(h.baselineKw));
            case COMPLETED -> "completed";
            case CANCELLED -> "cancelled at " + Instant.ofEpochMilli(h.cancelledMillis);
        };
        return new GridEventStatus(h.event, h.state, target, reason, h.optOut,
                h.state == State.UPCOMING ? null : h.performance());
    }

    private boolean deleted(HeldEvent h) {
        log.delete(h.event.id());
        return true;
    }

    private void save() {
        file.save(events.values().stream().map(HeldEvent::saved).toList());
    }

    private static String kw(double v) {
        return Double.isNaN(v) ? "unknown" : String.format(Locale.ROOT, "%.0f", v);
    }
}
