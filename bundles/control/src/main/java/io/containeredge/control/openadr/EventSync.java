package io.containeredge.control.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.grid.EventChecks;
import io.containeredge.control.openadr.VenState.Entry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the controller's OpenADR events in line with what the VTN lists: a new or changed event is scheduled through
 * {@link ControlService#scheduleEvent} (the one validated path), one the VEN scheduled that the VTN no longer lists is
 * cancelled, a grid alert switches the peak alert on for its window. A malformed event or one the controller refuses is
 * logged once per version and changes nothing (a version scheduled before stays); a refusal is reported as an opt-out.
 */
final class EventSync {

    private static final Logger LOG = LoggerFactory.getLogger(EventSync.class);
    /** The alerts that ask for less load now: the container holds its peak cap through them. */
    private static final Set<String> PEAK_ALERTS = Set.of("ALERT_GRID_EMERGENCY", "ALERT_FLEX_ALERT",
            "ALERT_BLACK_START");
    private static final long MAX_ALERT_MILLIS = Duration.ofHours(24).toMillis();

    private final ControlService control;
    private final EventMapper mapper;
    private final VenState state;
    private final String venName;
    private final String source;
    /** The alert events the VTN listed at the last poll, by VTN id. */
    private final Map<String, VtnEvent.Alert> alerts = new HashMap<>();
    /** Alert windows the controller refused (no peak windows), so that each is logged once. */
    private final Set<String> refusedAlerts = new HashSet<>();
    /** Events too far ahead to schedule yet, so that each is logged once. */
    private final Set<String> deferred = new HashSet<>();
    /** Opt-out reasons not reported yet, by VTN id. */
    private final Map<String, String> optOuts = new HashMap<>();

    EventSync(ControlService control, EventMapper mapper, VenState state, String venName, String source) {
        this.control = control;
        this.mapper = mapper;
        this.state = state;
        this.venName = venName;
        this.source = source;
    }

    /**
     * @param events the events the VTN listed
     * @param programs the VTN's programs by id
     * @param followed the program ids whose events are followed; null: all
     * @param complete the list is the VTN's whole list: an event missing from it was cancelled
     */
    void sync(List<JsonNode> events, Map<String, JsonNode> programs, Set<String> followed, boolean complete,
            long now) {
        Set<String> seen = new HashSet<>();
        for (JsonNode e : events) {
            String id = e.path("id").asText("");
            if (id.isEmpty() || followed != null && !followed.contains(e.path("programID").asText())
                    || !targetsThisVen(e)) {
                continue;
            }
            seen.add(id);
            take(id, e, programs, now);
        }
        if (complete) {
            dropMissing(seen, now);
        }
        alerts.keySet().retainAll(seen);
        alerts.values().forEach(a -> follow(a, now));
    }

    /** Opt-out reasons found since the last call, by VTN id. */
    Map<String, String> takeOptOuts() {
        Map<String, String> out = Map.copyOf(optOuts);
        optOuts.clear();
        return out;
    }

    private void take(String id, JsonNode e, Map<String, JsonNode> programs, long now) {
        String fingerprint = Integer.toHexString(e.toString().hashCode()) + "-" + e.toString().length();
        Entry known = state.events().get(id);
        boolean changed = known == null || !known.fingerprint().equals(fingerprint);
        if (!changed && known.scheduled()) {
            return;
        }
        long notified = known != null ? known.notifiedMillis() : now;
        VtnEvent read;
        try {
            read = mapper.map(e, programs, notified);
        } catch (MalformedEventException ex) {
            if (changed) {
                LOG.warn("{}: ignored, nothing changed{}", ex.getMessage(), known != null && known.scheduled()
                        ? " (the version scheduled before stays)" : "");
                state.events().put(id, known != null ? known.version(fingerprint)
                        : new Entry(fingerprint, notified, false, e.path("programID").asText(), 0, 0, 0, "", 0));
            }
            return;
        }
        if (read instanceof VtnEvent.Alert a) {
            alerts.put(id, a);
            if (changed) {
                LOG.info("OpenADR event {}: {} {}", id, a.type(), PEAK_ALERTS.contains(a.type())
                        ? "holds the container to its peak cap in its windows" : "is not acted on");
                state.events().put(id, new Entry(fingerprint, notified, false, a.programId(), 0, 0, 0, "",
                        known != null ? known.alertUntil() : 0));
            }
        } else if (changed) {
            schedule((VtnEvent.Limit) read, fingerprint, known, now);
        }
    }

    private void schedule(VtnEvent.Limit limit, String fingerprint, Entry known, long now) {
        GridEvent g = limit.event();
        String id = limit.vtnId();
        if (g.endMillis() <= now) {
            state.events().put(id, new Entry(fingerprint, g.notifiedMillis(), false, limit.programId(),
                    g.startMillis(), g.endMillis(), 0, "", 0));
            return;
        }
        if (g.startMillis() > now + EventChecks.MAX_LEAD.toMillis()) {
            // not recorded: the controller takes it once it is within its lead time, at a later poll
            if (deferred.add(id)) {
                LOG.info("OpenADR event {} starts {}, more than {} days ahead: scheduled once it is within them", id,
                        Instant.ofEpochMilli(g.startMillis()), EventChecks.MAX_LEAD.toDays());
            }
            return;
        }
        try {
            GridEventStatus status = control.scheduleEvent(g);
            state.events().put(id, new Entry(fingerprint, g.notifiedMillis(), true, limit.programId(),
                    g.startMillis(), g.endMillis(), known != null ? known.reportedUntil() : 0,
                    known != null ? known.optOut() : "", 0));
            LOG.info("OpenADR event {} scheduled as {}: {} intervals from {} ({})", id, g.id(), g.intervals().size(),
                    Instant.ofEpochMilli(g.startMillis()), g.intervals().get(0).target());
            if (status != null && status.optOut() != null && !status.optOut().isBlank()) {
                optOuts.put(id, status.optOut());
            }
        } catch (IllegalArgumentException refused) {
            LOG.warn("OpenADR event {} refused by the controller, nothing changed{}: {}", id,
                    known != null && known.scheduled() ? " (the version scheduled before stays)" : "",
                    refused.getMessage());
            state.events().put(id, known != null && known.scheduled() ? known.version(fingerprint)
                    : new Entry(fingerprint, g.notifiedMillis(), false, limit.programId(), g.startMillis(),
                            g.endMillis(), 0, "", 0));
            optOuts.put(id, "refused: " + refused.getMessage());
        }
    }

    /** Events the VTN no longer lists: cancelled there (OpenADR 3 deletes them), so cancelled here. */
    private void dropMissing(Set<String> seen, long now) {
        for (var it = state.events().entrySet().iterator(); it.hasNext();) {
            var en = it.next();
            if (seen.contains(en.getKey())) {
                continue;
            }
            Entry e = en.getValue();
            if (e.scheduled() && e.endMillis() > now) {
                boolean held = control.cancelEvent("openadr:" + en.getKey(), source);
                LOG.info("OpenADR event {} is gone from the VTN: cancelled{}", en.getKey(), held ? ""
                        : " (the controller no longer held it)");
            }
            if (e.alertUntil() > now) {
                peakAlert(false, 0, en.getKey());
            }
            it.remove();
        }
    }

    private void follow(VtnEvent.Alert a, long now) {
        if (!PEAK_ALERTS.contains(a.type())) {
            return;
        }
        Entry e = state.events().get(a.vtnId());
        for (VtnEvent.Window w : a.windows()) {
            if (w.startMillis() <= now && now < w.endMillis() && e.alertUntil() != w.endMillis()) {
                if (peakAlert(true, Math.min(w.endMillis(), now + MAX_ALERT_MILLIS), a.vtnId() + "@"
                        + w.startMillis())) {
                    state.events().put(a.vtnId(), e.alerted(w.endMillis()));
                }
            }
        }
    }

    private boolean peakAlert(boolean on, long until, String what) {
        try {
            control.setPeakAlert(on, until, source);
            LOG.info("OpenADR alert {}: peak alert {}", what, on ? "on until " + Instant.ofEpochMilli(until)
                    : "off");
            return true;
        } catch (IllegalArgumentException refused) {
            if (refusedAlerts.add(what + on)) {
                LOG.warn("OpenADR alert {}: peak alert refused by the controller: {}", what, refused.getMessage());
            }
            return false;
        }
    }

    /** An event that names VENs (a {@code VEN_NAME} target) and not this one is for others. */
    private boolean targetsThisVen(JsonNode e) {
        for (JsonNode t : e.path("targets")) {
            if ("VEN_NAME".equals(t.path("type").asText())) {
                for (JsonNode v : t.path("values")) {
                    if (venName.equals(v.asText())) {
                        return true;
                    }
                }
                return false;
            }
        }
        return true;
    }
}
