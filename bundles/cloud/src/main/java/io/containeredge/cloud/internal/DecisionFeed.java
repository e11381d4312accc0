package io.containeredge.cloud.internal;

import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Why the container is curtailed: a JSON record (kind {@link MessageKind#ALARM}, never thinned) when
 * the decision changes in kind — the binding guard, the thermal stage, whether wake-ups are held, or a
 * limiting guard's reason kind — and a summary every {@code summaryMillis} while nothing changes.
 *
 * <p>A reason kind is the reason's first clause with every number masked: "miners shed 12.5 kW: load
 * 2210 kW over import cap 2200 kW, battery 40 kW" is of kind "miners shed # kW: load # kW over import
 * cap # kW". The figures (limits, loads, the binding guard's text) move every cycle during a ramp and
 * would otherwise make nearly one never-thinned record per second; they travel in every record, with
 * the container state the controller derived ({@code state}, as the console shows it).
 * A record counts as sent only once it is queued, so a refused one is tried again on the next call.
 */
final class DecisionFeed {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    private final String topic;
    private final long summaryMillis;
    private String lastKey;
    private long lastSentMillis;

    /** @param summaryMillis a record this often while the decision's kind stays the same */
    DecisionFeed(String topic, long summaryMillis) {
        if (summaryMillis <= 0) {
            throw new IllegalArgumentException("decision summary period must be positive, was " + summaryMillis + " ms");
        }
        this.topic = topic;
        this.summaryMillis = summaryMillis;
    }

    /** Queues a record when the decision's kind changed or a summary is due; the first status always is. */
    void forward(ControlStatus status, RecordQueue queue, long now) {
        if (status == null) {
            return;
        }
        List<Verdict> limiting = status.verdicts().stream().filter(Verdict::limits).toList();
        String key = status.bindingGuard() + "|" + status.thermalStage() + "|" + status.holdWake() + "|"
                + limiting.stream().map(v -> v.guard() + ":" + reasonKind(v.reason()) + ":" + v.holdWake()).toList();
        boolean changed = !key.equals(lastKey);
        if (!changed && now - lastSentMillis < summaryMillis) {
            return;
        }
        if (queue.offer(record(status, limiting, !changed, now))) {
            lastKey = key;
            lastSentMillis = now;
        }
    }

    /** The first clause of a reason with every number masked as {@code #}. */
    static String reasonKind(String reason) {
        if (reason == null) {
            return "";
        }
        int comma = reason.indexOf(", ");
        return NUMBER.matcher(comma < 0 ? reason : reason.substring(0, comma)).replaceAll("#");
    }

    private OutboundMessage record(ControlStatus status, List<Verdict> limiting, boolean summary, long now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("summary", summary);
        json.put("state", status.state().key());
        json.put("binding", status.binding());
        json.put("thermalStage", status.thermalStage());
        json.put("holdWake", status.holdWake());
        json.put("maxMinerKw", finite(status.maxMinerKw()));
        json.put("minerKw", finite(status.minerKw()));
        json.put("minersAwake", status.minersAwake());
        json.put("minersUnreachable", status.minersUnreachable());
        json.put("minersTotal", status.minersTotal());
        json.put("verdicts", limiting.stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("guard", v.guard());
            m.put("maxMinerKw", finite(v.maxMinerKw()));
            m.put("holdWake", v.holdWake());
            m.put("reason", v.reason());
            return m;
        }).toList());
        json.put("timestamp", now);
        return JsonRecord.message(topic, json, MessageKind.ALARM, now);
    }

    /** JSON has no infinity: "no limit" is null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
