package io.containeredge.cloud.internal;

import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.control.alarm.Alarm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alarm raises and clears as JSON records (kind {@link MessageKind#ALARM}, never thinned). After a
 * restart the active alarms are announced again; consumers de-duplicate by {@code id} + {@code raised}.
 */
final class AlarmFeed {

    private final String topic;
    private Map<String, Alarm> announced = Map.of();

    AlarmFeed(String topic) {
        this.topic = topic;
    }

    /** Records for what was raised and cleared since the last call. */
    List<OutboundMessage> changes(List<Alarm> active, long now) {
        Map<String, Alarm> current = new LinkedHashMap<>();
        for (Alarm a : active) {
            current.put(a.id() + "@" + a.raisedMillis(), a);
        }
        List<OutboundMessage> out = new ArrayList<>();
        Set<String> gone = new HashSet<>(announced.keySet());
        gone.removeAll(current.keySet());
        for (String key : gone) {
            out.add(record("cleared", announced.get(key), now));
        }
        current.forEach((key, a) -> {
            if (!announced.containsKey(key)) {
                out.add(record("raised", a, now));
            }
        });
        announced = current;
        return out;
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
