package io.containeredge.cloud.internal;

import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.control.ControlStatus;
import io.containeredge.control.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why the container is curtailed: a JSON record (kind {@link MessageKind#ALARM}, never thinned)
 * whenever the controller's decision changes — which guard binds and why, the thermal stage, whether
 * wake-ups are held, and every limiting guard's verdict. The power limit itself moves every cycle
 * during a ramp; it is carried in the record but is not a change on its own.
 */
final class DecisionFeed {

    private final String topic;
    private String lastKey;

    DecisionFeed(String topic) {
        this.topic = topic;
    }

    /** A record when the decision differs from the last one published; the first status always is. */
    Optional<OutboundMessage> change(ControlStatus status, long now) {
        if (status == null) {
            return Optional.empty();
        }
        List<Verdict> limiting = status.verdicts().stream().filter(Verdict::limits).toList();
        String key = status.binding() + "|" + status.thermalStage() + "|" + status.holdWake() + "|"
                + limiting.stream().map(v -> v.guard() + ":" + v.reason() + ":" + v.holdWake()).toList();
        if (key.equals(lastKey)) {
            return Optional.empty();
        }
        lastKey = key;
        Map<String, Object> json = new LinkedHashMap<>();
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
        return Optional.of(JsonRecord.message(topic, json, MessageKind.ALARM, now));
    }

    /** JSON has no infinity: "no limit" is null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
