package io.containeredge.cloud.internal;

import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.control.api.Alarm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alarm raises and clears as JSON records (kind {@link MessageKind#ALARM}, never thinned). After a
 * restart the active alarms are announced again; consumers de-duplicate by {@code id} + {@code raised}.
 * A raise or clear counts as announced only once its record is queued: when the queue refuses one, it
 * and the changes after it are tried again on the next call, so a full disk never loses an alarm.
 */
final class AlarmFeed {

    private final String topic;
    private final Map<String, Alarm> announced = new LinkedHashMap<>();

    AlarmFeed(String topic) {
        this.topic = topic;
    }

    /** Queues a record for each raise and clear not yet announced, until the queue refuses one. */
    void forward(List<Alarm> active, RecordQueue queue, long now) {
        Map<String, Alarm> current = new LinkedHashMap<>();
        for (Alarm a : active) {
            current.put(a.id() + "@" + a.raisedMillis(), a);
        }
        for (String key : new ArrayList<>(announced.keySet())) {
            if (!current.containsKey(key)) {
                if (!queue.offer(record("cleared", announced.get(key), now))) {
                    return;
                }
                announced.remove(key);
            }
        }
        for (Map.Entry<String, Alarm> e : current.entrySet()) {
            if (!announced.containsKey(e.getKey())) {
                if (!queue.offer(record("raised", e.getValue(), now))) {
                    return;
                }
                announced.put(e.getKey(), e.getValue());
            }
        }
    }

    private OutboundMessage record(String event, Alarm a, long now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event", event);
        json.put("id", a.id());
        json.put("severity", a.severity().name());
        json.put("source", a.source());
        json.put("message", a.message());
        json.put("reading", Double.isNaN(a.reading()) ? null : a.reading());
        json.put("raised", a.raisedMillis());
        json.put("cleared", "cleared".equals(event) ? now : null);
        json.put("timestamp", now);
        return JsonRecord.message(topic, json, MessageKind.ALARM, now);
    }
}
