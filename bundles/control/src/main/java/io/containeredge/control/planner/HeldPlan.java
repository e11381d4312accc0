package io.containeredge.control.planner;

import java.util.List;
import java.util.Optional;

/**
 * The plan the controller holds and whether it follows it.
 *
 * @param plan the last plan solved, empty before the first
 * @param problem what it was solved on (its prices, forecast, caps), null before the first
 * @param solvedAtMillis wall-clock time it was solved
 * @param trigger what made the planner solve it
 * @param following whether the controller follows it; false means the rule-based battery runs and {@code reason}
 *     says why (the last solve failed, no usable input, nothing solved yet)
 * @param reason why the plan is or is not followed, for people and the fallback alarm
 */
public record HeldPlan(Optional<Plan> plan, PlanProblem problem, long solvedAtMillis, String trigger, boolean following, String reason) {

    public static final HeldPlan NONE = new HeldPlan(Optional.empty(), null, 0, "", false, "no plan solved yet");

    /** The planned slot covering a wall-clock time, if the plan has one. */
    public Optional<PlannedSlot> slotAt(long wallMillis) {
        return plan.flatMap(p -> PlanProblems.slotAt(p.slots(), PlannedSlot::startMillis, wallMillis));
    }

    /**
     * The state of charge the plan expects at a wall-clock time: between the slot's start and end, as the battery
     * moves at its slot's setpoint; NaN outside the plan.
     */
    public double plannedSocAt(long wallMillis) {
        if (plan.isEmpty()) {
            return Double.NaN;
        }
        List<PlannedSlot> slots = plan.get().slots();
        double startSoc = problem.socPctNow();
        for (PlannedSlot s : slots) {
            long length = PlanProblems.SLOT.toMillis();
            if (wallMillis >= s.startMillis() && wallMillis < s.startMillis() + length) {
                return startSoc + (s.socPctEnd() - startSoc) * (wallMillis - s.startMillis()) / length;
            }
            startSoc = s.socPctEnd();
        }
        return Double.NaN;
    }

    /** What the plan assumed of the slot covering a wall-clock time (its prices, generation, cap), if it has one. */
    public Optional<PlanSlotInput> assumedAt(long wallMillis) {
        return problem == null ? Optional.empty()
                : PlanProblems.slotAt(problem.slots(), PlanSlotInput::startMillis, wallMillis);
    }

    /** The same plan, no longer followed, for {@code why}. */
    public HeldPlan fallback(String why) {
        return new HeldPlan(plan, problem, solvedAtMillis, trigger, false, why);
    }
}
