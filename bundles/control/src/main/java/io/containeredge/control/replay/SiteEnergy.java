package io.containeredge.control.replay;

import io.containeredge.site.api.PlannerSettings;
import java.util.Optional;
import java.util.function.LongToDoubleFunction;

/**
 * The site around the miners a replay accounts for: the firm load, a PV plant, a battery, the export contract and the
 * import cap, as the site's {@code planner} section gives them (or the backtest's options).
 *
 * @param planner battery, export limit and price, firm load, re-plan interval and solve time limit
 * @param importCapKw the most the site may draw; infinite for none
 * @param ambientC the ambient the plan is made for (the transformer's derating)
 * @param socStartPct the battery's state of charge at the replay's start (ignored without a battery)
 * @param pvKw the PV plant's output at a wall-clock time, constant within each price slot
 */
public record SiteEnergy(PlannerSettings planner, double importCapKw, double ambientC, double socStartPct,
        LongToDoubleFunction pvKw) {

    /** Only the miners: what the backtest accounted before batteries and PV, import = the miners' draw. */
    public static final SiteEnergy MINERS_ONLY = new SiteEnergy(new PlannerSettings(Optional.empty(),
            PlannerSettings.Export.NONE, 0, Optional.empty(), 0, PlannerSettings.DEFAULT_REPLAN_EVERY,
            PlannerSettings.DEFAULT_SOLVE_TIME_LIMIT, PlannerSettings.DEFAULT_FORECAST_ERROR_KW,
            PlannerSettings.Derating.DEFAULT), Double.POSITIVE_INFINITY, Double.NaN, 0,
            wallMillis -> 0);

    public SiteEnergy {
        if (!(importCapKw > 0) || !(socStartPct >= 0 && socStartPct <= 100)) {
            throw new IllegalArgumentException("import cap " + importCapKw + " kW must be above 0, the state of charge"
                    + " at the start " + socStartPct + " % from 0 to 100");
        }
    }
}
