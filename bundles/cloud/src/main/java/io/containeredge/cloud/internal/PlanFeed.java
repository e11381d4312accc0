package io.containeredge.cloud.internal;

import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.control.api.PlanStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Each plan the planner solves, once, as a JSON record (kind {@link MessageKind#ALARM}: a decision, never thinned):
 * when the plan's solve time changes, not every cycle, since the planner solves every few minutes and the controller
 * cycles every second. Each slot has its figures and its terms of the objective. The slots travel as columns (one array per figure, in slot order), which is a third of the
 * size of an object per slot for the 192 slots of 48 hours; figures are rounded to what a reader can use (0.1 kW,
 * 0.1 USD/MWh, 0.1 %, a cent). A record counts as sent only once it is queued, so a refused one is tried again on the
 * next call.
 */
final class PlanFeed {

    /** A slot's figures by name, sent to 0.1 of their unit (kW, USD/MWh, %). */
    private static final Map<String, ToDoubleFunction<PlanStatus.Slot>> FIGURES = new LinkedHashMap<>();
    /** The terms of the objective by name, of the totals and of each slot, sent to the cent. */
    private static final Map<String, ToDoubleFunction<PlanStatus.Terms>> TERMS = new LinkedHashMap<>();

    static {
        FIGURES.put("importUsdPerMwh", PlanStatus.Slot::importUsdPerMwh);
        FIGURES.put("exportUsdPerMwh", PlanStatus.Slot::exportUsdPerMwh);
        FIGURES.put("pvForecastKw", PlanStatus.Slot::pvForecastKw);
        FIGURES.put("pvCurtailedKw", PlanStatus.Slot::pvCurtailedKw);
        FIGURES.put("batteryKw", PlanStatus.Slot::batteryKw);
        FIGURES.put("socPct", PlanStatus.Slot::socPct);
        FIGURES.put("miningKw", PlanStatus.Slot::miningKw);
        FIGURES.put("firmKw", PlanStatus.Slot::firmKw);
        FIGURES.put("importKw", PlanStatus.Slot::importKw);
        FIGURES.put("exportKw", PlanStatus.Slot::exportKw);
        FIGURES.put("importCapKw", PlanStatus.Slot::importCapKw);
        FIGURES.put("energyValueUsdPerMwh", PlanStatus.Slot::energyValueUsdPerMwh);
        TERMS.put("miningUsd", PlanStatus.Terms::miningUsd);
        TERMS.put("exportUsd", PlanStatus.Terms::exportUsd);
        TERMS.put("importUsd", PlanStatus.Terms::importUsd);
        TERMS.put("wearUsd", PlanStatus.Terms::wearUsd);
        TERMS.put("demandUsd", PlanStatus.Terms::demandUsd);
        TERMS.put("objectiveUsd", PlanStatus.Terms::objectiveUsd);
    }

    private final String topic;
    private long sentSolvedAtMillis;

    PlanFeed(String topic) {
        this.topic = topic;
    }

    /** Queues a record of {@code plan} (null: none) when it is a solved plan not yet sent. */
    void forward(PlanStatus plan, RecordQueue queue, long now) {
        if (plan == null || plan.solvedAtMillis() == 0 || plan.solvedAtMillis() == sentSolvedAtMillis) {
            return;
        }
        if (queue.offer(record(plan, now))) {
            sentSolvedAtMillis = plan.solvedAtMillis();
        }
    }

    private OutboundMessage record(PlanStatus plan, long now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", plan.state());
        json.put("reason", plan.reason());
        json.put("solvedAtMillis", plan.solvedAtMillis());
        json.put("solveMillis", plan.solveMillis());
        json.put("trigger", plan.trigger());
        json.put("totals", totals(plan.totals()));
        Map<String, Object> slots = new LinkedHashMap<>();
        slots.put("startMillis", plan.slots().stream().map(PlanStatus.Slot::startMillis).toList());
        FIGURES.forEach((name, figure) -> slots.put(name, column(plan.slots(), figure, 10)));
        TERMS.forEach((name, term) -> slots.put(name, column(plan.slots(), s -> term.applyAsDouble(s.terms()), 100)));
        json.put("slots", slots);
        json.put("timestamp", now);
        return JsonRecord.message(topic, json, MessageKind.ALARM, now);
    }

    private static Map<String, Object> totals(PlanStatus.Terms t) {
        Map<String, Object> m = new LinkedHashMap<>();
        TERMS.forEach((name, term) -> m.put(name, rounded(term.applyAsDouble(t), 100)));
        return m;
    }

    private static List<Double> column(List<PlanStatus.Slot> slots, ToDoubleFunction<PlanStatus.Slot> figure,
            int perUnit) {
        return slots.stream().map(s -> rounded(figure.applyAsDouble(s), perUnit)).toList();
    }

    /** {@code v} to the nearest 1/{@code perUnit}; null when not finite (JSON has neither NaN nor infinity). */
    private static Double rounded(double v, int perUnit) {
        return Double.isFinite(v) ? Math.round(v * perUnit) / (double) perUnit : null;
    }
}
