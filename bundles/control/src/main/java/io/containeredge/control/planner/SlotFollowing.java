package io.containeredge.control.planner;

import io.containeredge.control.api.Verdict;
import io.containeredge.control.power.BatteryTarget;
import io.containeredge.site.api.PlannerSettings;
import java.util.List;
import java.util.Locale;

/**
 * What following one planned slot means for the controller, pure: the soft limit on the miners and the battery
 * target. Shared by the gateway ({@link PlanLimit}) and the backtest, so both follow a plan the same way.
 *
 * <p>The limit is the slot's mining power plus {@link #SPREAD} of it: the plan decides on model curves, and real
 * units draw a few percent off them (spread, a dead hashboard), so a limit at exactly the planned power would put a
 * miner to sleep for a few kW that economics, valuing energy at the plan's value, wakes again: churn for nothing.
 * The miners' steps are economics' to choose; the limit keeps them near the plan, and the import cap is the power
 * guard's. A slot that runs every priced miner limits nothing.
 *
 * @param verdict the plan's verdict for the slot
 * @param target what the battery is asked, null when the plan has no battery
 */
public record SlotFollowing(Verdict verdict, BatteryTarget target) {

    /** How far over the planned mining power the miners may draw: the units' spread around their model curves. */
    public static final double SPREAD = 0.05;
    /** The solver's rounding: a slot within this of the fleet's whole value curve runs it all. */
    private static final double FLAT_OUT_MARGIN_KW = 0.5;

    /**
     * @param fleetCurveKw all the mining power the plan's value curve holds
     * @param unpricedKw the rated power of the miners the plan has no curve for: not the plan's to limit
     * @param at the slot for people ("plan slot 14:15")
     */
    public static SlotFollowing of(PlannedSlot s, double fleetCurveKw, PlannerSettings settings, double unpricedKw,
            String at) {
        BatteryTarget target = settings.battery().map(b -> new BatteryTarget(s.batteryKw(), b.maxSocPct(),
                settings.export().limitKw(), at)).orElse(null);
        String reason = String.format(Locale.ROOT, "%s: mining %.0f kW, battery %+.0f kW, import %.0f kW, export"
                + " %.0f kW; energy worth %.0f USD/MWh", at, s.miningKw(), s.batteryKw(), s.importKw(), s.exportKw(),
                s.energyValueUsdPerMwh());
        boolean flatOut = s.miningKw() >= fleetCurveKw - FLAT_OUT_MARGIN_KW;
        double limitKw = flatOut ? Double.POSITIVE_INFINITY : s.miningKw() * (1 + SPREAD) + unpricedKw;
        Long until = flatOut ? null : s.startMillis() + PlanProblems.SLOT.toMillis();
        return new SlotFollowing(new Verdict(PlanLimit.NAME, limitKw, false, reason, List.of(), Verdict.Strength.SOFT,
                until), target);
    }
}
