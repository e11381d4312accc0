package io.containeredge.cloud.internal;

import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.control.api.AiStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why an AI/HPC tenant has what it has: a JSON record (kind {@link MessageKind#ALARM}, never thinned) when a tenant's
 * state changes — capped or not, in breach of its floor or not, or the kind of its reason ({@link
 * DecisionFeed#reasonKind}: numbers masked, so a grant that moves every cycle during a swing makes no new record) —
 * with the tenant, its grant, cap and draw, its contract and the reason in full. A tenant seen for the first time is
 * a record too. Its own topic, beside the guards' decisions: the two records have different fields. A record counts
 * as sent only once it is queued, so a refused one is tried again on the next call.
 */
final class AiDecisionFeed {

    private final String topic;
    private final Map<String, String> lastKeys = new HashMap<>();

    AiDecisionFeed(String topic) {
        this.topic = topic;
    }

    /** Queues a record for each tenant whose state changed; {@code ai} null (no ai section): nothing. */
    void forward(AiStatus ai, RecordQueue queue, long now) {
        if (ai == null) {
            return;
        }
        for (AiStatus.Tenant t : ai.tenants()) {
            String key = t.capped() + "|" + t.breach() + "|" + DecisionFeed.reasonKind(t.reason());
            if (!key.equals(lastKeys.get(t.name())) && queue.offer(JsonRecord.message(topic, record(ai, t, now),
                    MessageKind.ALARM, now))) {
                lastKeys.put(t.name(), key);
            }
        }
    }

    private static Map<String, Object> record(AiStatus ai, AiStatus.Tenant t, long now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tenant", t.name());
        json.put("capped", t.capped());
        json.put("breach", t.breach());
        json.put("reason", t.reason());
        json.put("grantKw", JsonRecord.finite(t.grantKw()));
        json.put("capKw", JsonRecord.finite(t.capKw()));
        json.put("drawKw", JsonRecord.finite(t.drawKw()));
        json.put("floorKw", t.floorKw());
        json.put("flexKw", t.flexKw());
        json.put("flexUsdPerMwh", t.flexUsdPerMwh());
        json.put("cappedHoursThisMonth", t.cappedHoursThisMonth());
        json.put("breachesThisMonth", t.breaches());
        json.put("aiKw", JsonRecord.finite(ai.aiKw()));
        json.put("miningKw", JsonRecord.finite(ai.miningKw()));
        json.put("timestamp", now);
        return json;
    }
}
