package io.containeredge.control.planner;

import java.util.List;

/**
 * A solved plan.
 *
 * @param slots one per slot of the problem, in order
 * @param demandUsd what the plan adds to the demand charge (its peak above the peak so far, priced)
 * @param peakImportKw the billing period's peak import with the plan: at least the peak so far
 * @param solveMillis how long the solve took
 */
public record Plan(List<PlannedSlot> slots, double demandUsd, double peakImportKw, double solveMillis) {

    public Plan {
        slots = List.copyOf(slots);
    }

    /** What the plan nets over all its slots less its demand charge: the LP's objective. */
    public double objectiveUsd() {
        return slots.stream().mapToDouble(PlannedSlot::netUsd).sum() - demandUsd;
    }
}
