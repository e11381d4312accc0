package io.containeredge.cloud.internal;

import io.containeredge.control.api.ControlService;
import java.nio.file.Path;

/**
 * The JSON records beside Sparkplug that come from the controller: alarm raises and clears ({@link AlarmFeed}), guard
 * decisions ({@link DecisionFeed}), solved plans ({@link PlanFeed}) and why AI/HPC tenants are capped
 * ({@link AiDecisionFeed}, topic {@code ai-decision}), grid events' performance and opt-outs ({@link GridEventFeed},
 * topics {@code event-performance} and {@code event-opt-out}), each on its own topic
 * {@code containeredge/<site>/<container>/<kind>}, through the persistent queue.
 */
final class ControlFeeds {

    private final AlarmFeed alarms;
    private final DecisionFeed decisions;
    private final PlanFeed plans;
    private final AiDecisionFeed ai;
    private final GridEventFeed gridEvents;

    /**
     * @param decisionSummaryMillis a decision record this often while the decision's kind stays the same
     * @param gridRecordsFile where the grid-event records already queued are remembered across restarts
     */
    ControlFeeds(String site, String container, long decisionSummaryMillis, Path gridRecordsFile) {
        this.alarms = new AlarmFeed(JsonRecord.topic(site, container, "alarm"));
        this.decisions = new DecisionFeed(JsonRecord.topic(site, container, "decision"), decisionSummaryMillis);
        this.plans = new PlanFeed(JsonRecord.topic(site, container, "plan"));
        this.ai = new AiDecisionFeed(JsonRecord.topic(site, container, "ai-decision"));
        this.gridEvents = new GridEventFeed(site, container, new PublishedGridRecords(gridRecordsFile));
    }

    /** Queues what changed in {@code control} (null while the controller is not running: nothing) since last time. */
    void forward(ControlService control, RecordQueue records, long now) {
        if (control == null) {
            return;
        }
        alarms.forward(control.activeAlarms(), records, now);
        decisions.forward(control.status(), records, now);
        plans.forward(control.plan().orElse(null), records, now);
        ai.forward(control.ai().orElse(null), records, now);
        gridEvents.forward(control.grid().orElse(null), records, now);
    }
}
