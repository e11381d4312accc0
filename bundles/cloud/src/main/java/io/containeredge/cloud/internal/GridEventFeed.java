package io.containeredge.cloud.internal;

import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.control.api.EventPerformance;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.GridStatus;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the operator gives the utility or the aggregator: one {@code event-performance} record per finished event
 * (completed, or cancelled while active: its final {@link EventPerformance}), and one {@code event-opt-out} record as soon as the controller says an event
 * cannot be met (again only if the reason changes). JSON records of kind {@link MessageKind#ALARM} (never thinned)
 * through the persistent queue; each is remembered once queued ({@link PublishedGridRecords}), so a restart does not
 * send it again. Between the queueing and the remembering a crash can repeat one: every record carries
 * {@code eventId} (and the opt-out its reason), by which a receiver drops a repeat.
 */
final class GridEventFeed {

    static final String PERFORMANCE = "event-performance";
    static final String OPT_OUT = "event-opt-out";
    private static final Logger LOG = LoggerFactory.getLogger(GridEventFeed.class);

    private final String performanceTopic;
    private final String optOutTopic;
    private final PublishedGridRecords published;

    GridEventFeed(String site, String container, PublishedGridRecords published) {
        this.performanceTopic = JsonRecord.topic(site, container, PERFORMANCE);
        this.optOutTopic = JsonRecord.topic(site, container, OPT_OUT);
        this.published = published;
    }

    /** Queues the records not sent yet; {@code grid} null (before the controller's first cycle): nothing. */
    void forward(GridStatus grid, RecordQueue queue, long now) {
        if (grid == null) {
            return;
        }
        List<String> live = grid.events().stream().map(s -> s.event().id()).toList();
        for (GridEventStatus s : grid.events()) {
            String id = s.event().id();
            if (!s.optOut().isEmpty()) {
                send(PublishedGridRecords.key(OPT_OUT, id, Integer.toHexString(s.optOut().hashCode())),
                        optOutTopic, optOut(s, now), queue, now, live);
            }
            if (finished(s) && s.performance() != null) {
                send(PublishedGridRecords.key(PERFORMANCE, id, ""), performanceTopic, performance(s, now), queue, now,
                        live);
            }
        }
    }

    private void send(String key, String topic, Map<String, Object> record, RecordQueue queue, long now,
            List<String> live) {
        if (published.contains(key) || !queue.offer(JsonRecord.message(topic, record, MessageKind.ALARM, now))) {
            return;
        }
        try {
            published.add(key, live);
        } catch (UncheckedIOException e) {
            LOG.error("cloud: {}; after a restart the record may be sent again", e.getMessage());
        }
    }

    private static boolean finished(GridEventStatus s) {
        return s.state() == GridEventStatus.State.COMPLETED || s.state() == GridEventStatus.State.CANCELLED;
    }

    private static Map<String, Object> performance(GridEventStatus s, long now) {
        EventPerformance p = s.performance();
        Map<String, Object> json = event(s.event());
        json.put("state", s.state().name());
        json.put("baselineKw", JsonRecord.finite(p.baselineKw()));
        json.put("meanTargetKw", JsonRecord.finite(p.meanTargetKw()));
        json.put("meanImportKw", JsonRecord.finite(p.meanImportKw()));
        json.put("achievedReductionKw", JsonRecord.finite(p.achievedReductionKw()));
        json.put("shortfallKwS", JsonRecord.finite(p.shortfallKwS()));
        json.put("measuredSeconds", p.measuredSeconds());
        json.put("compliantSeconds", p.compliantSeconds());
        json.put("unmeasuredSeconds", p.unmeasuredSeconds());
        long counted = p.measuredSeconds() + p.unmeasuredSeconds();
        json.put("compliantShare", counted == 0 ? null : (double) p.compliantSeconds() / counted);
        json.put("optOut", p.optOut());
        json.put("timestamp", now);
        return json;
    }

    private static Map<String, Object> optOut(GridEventStatus s, long now) {
        Map<String, Object> json = event(s.event());
        json.put("state", s.state().name());
        json.put("optOut", s.optOut());
        json.put("timestamp", now);
        return json;
    }

    /** What identifies the event and what it asked: its id, name, sender, span and each interval's target. */
    private static Map<String, Object> event(GridEvent e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", e.id());
        json.put("name", e.name());
        json.put("source", e.source());
        json.put("start", e.startMillis());
        json.put("end", e.endMillis());
        json.put("targets", e.intervals().stream().map(in -> Map.of("start", in.startMillis(), "end",
                in.endMillis(), "kind", in.target().kind().name(), "value", in.target().value())).toList());
        return json;
    }
}
