package io.containeredge.control.replay;

import io.containeredge.control.api.Verdict;
import io.containeredge.control.economics.EconomicInputs;
import io.containeredge.control.economics.PriceSlots;
import io.containeredge.control.economics.SiteUnitModels;
import io.containeredge.control.economics.UnitModel;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.limit.LimitSource;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.control.planner.GenerationForecast;
import io.containeredge.control.planner.Plan;
import io.containeredge.control.planner.PlanException;
import io.containeredge.control.planner.PlanLimit;
import io.containeredge.control.planner.PlanProblem;
import io.containeredge.control.planner.PlanProblems;
import io.containeredge.control.planner.PlanSolver;
import io.containeredge.control.planner.SlotFollowing;
import io.containeredge.control.planner.PlannedSlot;
import io.containeredge.control.planner.PvHistory;
import io.containeredge.control.power.BatteryTarget;
import io.containeredge.site.api.PlannerSettings;
import io.containeredge.site.api.SiteConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The plan strategy's soft limit source: the gateway's planner run synchronously in the replay. Every re-plan
 * interval it builds the problem as the gateway does ({@link PlanProblems#build}: 48 hours of 15-minute slots, the
 * prices the replay has handed to economics, the battery's state of charge now) and solves it ({@link PlanSolver});
 * the miners are then limited to the plan's mining power, economics values energy at the plan's value
 * ({@link EconomicInputs#followPlan}) and the battery is asked the slot's setpoint, as {@link PlanLimit} does.
 *
 * <p>What the replay's planner knows that the gateway's would not: the PV forecast is the replayed PV itself, and the
 * prices ahead are the replayed ones (day-ahead prices published for the next 48 hours). A failed solve follows no
 * plan until the next one: no limit, the rule-based battery, as the gateway's fallback.
 */
final class PlanFollowing implements LimitSource {

    private final PlannerSettings settings;
    private final SiteEnergy site;
    private final EconomicInputs inputs;
    private final PlanSolver solver;
    private final Collection<UnitModel> units;
    private final double unpricedKw;
    private final double transformerKw;
    private final GenerationForecast forecast;
    private final PvHistory noHistory = new PvHistory(null);
    private final DoubleSupplier socPct;
    private long nextPlanMillis = Long.MIN_VALUE;
    private Plan plan;
    /** All the mining power the last plan's value curve holds. */
    private double curveKw;
    private BatteryTarget target;
    private int plans;
    private int failures;
    private long solveNanos;

    /**
     * @param transformerKw the transformer's rating at the assumed power factor
     * @param socPct the battery's state of charge now, from the replay's meter
     * @param endMillis where the replay ends: the PV forecast covers it and the 48 hours after
     */
    PlanFollowing(SiteConfig site, SiteEnergy energy, EconomicInputs inputs, double transformerKw,
            DoubleSupplier socPct, long startMillis, long endMillis) {
        this.settings = energy.planner();
        this.site = energy;
        this.inputs = inputs;
        this.solver = new PlanSolver(settings.solveTimeLimit());
        Map<Integer, UnitModel> models = SiteUnitModels.of(site);
        this.units = models.values();
        this.unpricedKw = SiteUnitModels.unpricedKw(site, models);
        this.transformerKw = transformerKw;
        this.socPct = socPct;
        this.forecast = perfectForecast(energy, startMillis, endMillis);
    }

    /** The replayed PV as the forecast, slot by slot, over the replay and the 48 hours a plan looks past its end. */
    private static GenerationForecast perfectForecast(SiteEnergy energy, long startMillis, long endMillis) {
        long slot = PlanProblems.SLOT.toMillis();
        long last = endMillis + PlanProblems.SLOTS * slot;
        List<GenerationForecast.Slot> slots = new ArrayList<>();
        for (long t = Math.floorDiv(startMillis, slot) * slot; t < last; t += slot) {
            slots.add(new GenerationForecast.Slot(t, t + slot, energy.pvKw().applyAsDouble(t), energy.ambientC()));
        }
        return new GenerationForecast(slots, startMillis, "the replayed PV");
    }

    @Override
    public Verdict.Strength strength() {
        return Verdict.Strength.SOFT;
    }

    @Override
    public List<Verdict> evaluate(ContainerInputs in, Cycle cycle) {
        long wall = cycle.wallMillis();
        if (wall >= nextPlanMillis) {
            replan(wall);
        }
        Optional<PlannedSlot> slot = plan == null ? Optional.empty()
                : PlanProblems.slotAt(plan.slots(), PlannedSlot::startMillis, wall);
        if (slot.isEmpty()) {
            target = null;
            return List.of(new Verdict(PlanLimit.NAME, Double.POSITIVE_INFINITY, false, "no plan followed", List.of(),
                    Verdict.Strength.SOFT, null));
        }
        SlotFollowing following = SlotFollowing.of(slot.get(), curveKw, settings, unpricedKw,
                "plan slot");
        target = following.target();
        return List.of(following.verdict());
    }

    private void replan(long wall) {
        long every = settings.replanEvery().toMillis();
        nextPlanMillis = Math.floorDiv(wall, every) * every + every;
        PlanProblems.Now now = new PlanProblems.Now(wall, socPct.getAsDouble(), Double.NaN, site.ambientC(),
                site.importCapKw(), transformerKw, 0, inputs.hashprice().netUsdPerThDay(), units);
        PlanProblem problem = PlanProblems.build(settings, inputs, forecast, noHistory, now);
        curveKw = problem.mining().maxKw();
        long started = System.nanoTime();
        plans++;
        try {
            plan = solver.solve(problem, Optional.ofNullable(plan));
            inputs.followPlan(PlanLimit.values(plan));
        } catch (PlanException e) {
            failures++;
            plan = null;
            inputs.followPlan(PriceSlots.NONE);
        }
        solveNanos += System.nanoTime() - started;
    }

    /** What the plan asks of the battery in the current slot; null while no plan is followed. */
    BatteryTarget target() {
        return target;
    }

    int plans() {
        return plans;
    }

    int failures() {
        return failures;
    }

    double solveSeconds() {
        return solveNanos / 1e9;
    }
}
