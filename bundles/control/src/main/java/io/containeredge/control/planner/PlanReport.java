package io.containeredge.control.planner;

import io.containeredge.control.api.PlanStatus;
import io.containeredge.control.api.PlanStatus.Terms;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plan as people and the cloud see it ({@link PlanStatus}): built when asked, from the plan held and what the
 * last control cycle saw and did; slots that have ended are left out.
 */
public final class PlanReport {

    private PlanReport() {
    }

    /**
     * @param seen what the last cycle saw, null before the first
     * @param batteryKw the setpoint the power guard commanded last cycle, + discharge
     * @param batteryReason why
     * @param pvForecastNowKw the forecast generation for now
     */
    public static PlanStatus of(HeldPlan held, Observed seen, double batteryKw, String batteryReason,
            double pvForecastNowKw, long wallMillis) {
        String state = held == HeldPlan.NONE ? PlanStatus.WAITING
                : held.following() ? PlanStatus.FOLLOWING : PlanStatus.FALLBACK;
        List<PlanStatus.Slot> slots = new ArrayList<>();
        Terms totals = Terms.ZERO;
        double solveMillis = 0;
        if (held.plan().isPresent()) {
            Plan plan = held.plan().get();
            solveMillis = plan.solveMillis();
            List<PlannedSlot> planned = plan.slots();
            double miningUsd = 0;
            double exportUsd = 0;
            double importUsd = 0;
            double wearUsd = 0;
            for (int i = 0; i < planned.size(); i++) {
                PlannedSlot p = planned.get(i);
                PlanSlotInput in = held.problem().slots().get(i);
                miningUsd += p.miningUsd();
                exportUsd += p.exportUsd();
                importUsd += p.importUsd();
                wearUsd += p.wearUsd();
                if (p.startMillis() + PlanProblems.SLOT.toMillis() > wallMillis) {
                    slots.add(slot(p, in));
                }
            }
            totals = new Terms(miningUsd, exportUsd, importUsd, wearUsd, plan.demandUsd());
        }
        Optional<PlannedSlot> now = held.slotAt(wallMillis);
        PlanStatus.Now current = new PlanStatus.Now(
                now.map(PlannedSlot::miningKw).orElse(Double.NaN), seen == null ? Double.NaN : seen.minerKw(),
                now.map(PlannedSlot::batteryKw).orElse(Double.NaN), batteryKw, batteryReason,
                now.map(PlannedSlot::socPctEnd).orElse(Double.NaN), seen == null ? Double.NaN : seen.socPct(),
                now.map(PlannedSlot::importKw).orElse(Double.NaN), seen == null ? Double.NaN : seen.importKw(),
                pvForecastNowKw, seen == null ? Double.NaN : seen.pvKw());
        return new PlanStatus(wallMillis, state, held.reason(), held.solvedAtMillis(), solveMillis, held.trigger(),
                totals, slots, current);
    }

    private static PlanStatus.Slot slot(PlannedSlot p, PlanSlotInput in) {
        return new PlanStatus.Slot(p.startMillis(), in.importUsdPerMwh(), in.exportUsdPerMwh(), in.pvKw(),
                p.pvCurtailedKw(), p.batteryKw(), p.socPctEnd(), p.miningKw(), in.firmKw(), p.importKw(),
                p.exportKw(), in.importCapKw(), p.energyValueUsdPerMwh(),
                new Terms(p.miningUsd(), p.exportUsd(), p.importUsd(), p.wearUsd(), 0));
    }
}
