package io.containeredge.control.openadr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.control.api.ComplianceSecond;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.openadr.VenState.Entry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the VTN what the container did: once an event the VEN scheduled has started, its measured load per report
 * interval (each interval once, when it is complete; the last one ends with the event), and an opt-out as soon as the
 * controller says the container cannot meet an event or refused it. A report the VTN does not take is sent again
 * after the next poll: what was reported is only advanced on success.
 */
final class LoadReporter {

    private static final Logger LOG = LoggerFactory.getLogger(LoadReporter.class);

    private final VtnClient vtn;
    private final ControlService control;
    private final VenState state;
    private final String venName;
    private final long intervalSeconds;

    LoadReporter(VtnClient vtn, ControlService control, VenState state, String venName, Duration interval) {
        this.vtn = vtn;
        this.control = control;
        this.state = state;
        this.venName = venName;
        this.intervalSeconds = Math.max(1, interval.toSeconds());
    }

    /** @param optOuts reasons found while scheduling, by VTN event id */
    void report(Map<String, String> optOuts, long now) {
        Map<String, String> reasons = new HashMap<>(optOuts);
        control.grid().ifPresent(g -> {
            for (GridEventStatus s : g.events()) {
                if (s.event().id().startsWith("openadr:") && s.optOut() != null && !s.optOut().isBlank()) {
                    reasons.putIfAbsent(s.event().id().substring("openadr:".length()), s.optOut());
                }
            }
        });
        for (String id : new ArrayList<>(state.events().keySet())) {
            Entry e = state.events().get(id);
            String reason = reasons.get(id);
            // once per event: a reason that restates changing figures must not become a report per poll
            if (reason != null && e.optOut().isEmpty() && e.endMillis() > e.startMillis()) {
                send(id, Reports.optOut(venName, e.programId(), id, e.startMillis(), e.endMillis(), reason));
                LOG.info("OpenADR event {}: opt-out reported: {}", id, reason);
                e = e.optedOut(reason);
                state.events().put(id, e);
            }
            if (e.scheduled() && now >= e.startMillis()) {
                reportLoad(id, e, now);
            }
        }
    }

    private void reportLoad(String id, Entry e, long now) {
        // whole seconds, as the compliance rows: a fraction of a second at either end is no interval of its own
        long[] bounds = due(e.startMillis() / 1000, e.endMillis() / 1000, e.reportedUntil(), now / 1000,
                intervalSeconds);
        if (bounds.length < 2) {
            return;
        }
        Optional<List<ComplianceSecond>> rows = control.compliance("openadr:" + id);
        if (rows.isEmpty()) {
            return;
        }
        send(id, Reports.load(venName, e.programId(), id, bounds, rows.get()));
        state.events().put(id, e.reported(bounds[bounds.length - 1]));
    }

    /**
     * Posts a report. One the VTN refuses (4xx: it will refuse it again) is logged and dropped, so that it never stops
     * the polls; an unanswered one (down, 5xx) fails the poll and is sent again after it.
     */
    private void send(String eventId, ObjectNode report) {
        try {
            vtn.post("/reports", report);
        } catch (VtnException e) {
            if (e.status() < 400 || e.status() >= 500) {
                throw e;
            }
            LOG.warn("OpenADR event {}: the VTN refused a report, dropped: {}", eventId, e.getMessage());
        }
    }

    /**
     * The bounds of the complete report windows not reported yet, aligned on the event's start: {@code from, end1,
     * end2, ...}; fewer than two when none is complete.
     */
    static long[] due(long startSecond, long endSecond, long reportedUntil, long nowSecond, long length) {
        long from = Math.max(startSecond, reportedUntil);
        List<Long> bounds = new ArrayList<>(List.of(from));
        long next = startSecond + ((from - startSecond) / length + 1) * length;
        while (from < endSecond) {
            long end = Math.min(next, endSecond);
            if (end > nowSecond) {
                break;
            }
            bounds.add(end);
            from = end;
            next += length;
        }
        return bounds.stream().mapToLong(Long::longValue).toArray();
    }
}
