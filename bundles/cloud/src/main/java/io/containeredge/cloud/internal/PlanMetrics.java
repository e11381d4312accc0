package io.containeredge.cloud.internal;

import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.PlanStatus;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The planner's node metrics: the plan's state (FOLLOWING, FALLBACK, WAITING) and what made it solve, its objective
 * over the horizon to the dollar, how long the solve took, and the current slot as planned (battery, mining and
 * import kW, the state of charge at the slot's end). What the controller actually does is in the other metrics and
 * the devices' data. Always present, so that the node's metric set does not change when the planner starts (which
 * would force a rebirth): NaN and empty strings while there is no plan status (no planner section, or before the
 * controller's first cycle).
 */
final class PlanMetrics {

    static final String STATE = "Plan/State";
    static final String TRIGGER = "Plan/Trigger";
    static final String OBJECTIVE = "Plan/Objective USD";
    static final String SOLVE = "Plan/Solve ms";
    static final String BATTERY = "Plan/Battery kW now";
    static final String MINING = "Plan/Mining kW now";
    static final String IMPORT = "Plan/Import kW now";
    static final String SOC = "Plan/SoC planned %";

    private PlanMetrics() {
    }

    /** Adds the plan metrics of {@code control} (null when there is none) to the node's. */
    static void put(Map<String, Object> metrics, ControlService control) {
        Optional<PlanStatus> p = control == null ? Optional.empty() : control.plan();
        metrics.put(STATE, p.map(PlanStatus::state).orElse(""));
        metrics.put(TRIGGER, p.map(s -> s.trigger() == null ? "" : s.trigger()).orElse(""));
        metrics.put(OBJECTIVE, p.map(s -> (double) Math.round(s.totals().objectiveUsd())).orElse(Double.NaN));
        metrics.put(SOLVE, p.map(PlanStatus::solveMillis).orElse(Double.NaN));
        metrics.put(BATTERY, planned(p, PlanStatus.Now::plannedBatteryKw));
        metrics.put(MINING, planned(p, PlanStatus.Now::plannedMiningKw));
        metrics.put(IMPORT, planned(p, PlanStatus.Now::plannedImportKw));
        metrics.put(SOC, planned(p, PlanStatus.Now::plannedSocPct));
    }

    /** A figure of the current slot; NaN while the planner waits for its first solve and has no current slot. */
    private static double planned(Optional<PlanStatus> p, ToDoubleFunction<PlanStatus.Now> figure) {
        return p.map(PlanStatus::now).map(figure::applyAsDouble).orElse(Double.NaN);
    }
}
