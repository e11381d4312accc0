package io.containeredge.control.planner;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.ojalgo.optimisation.Optimisation;

/**
 * Solves a {@link PlanProblem} as one linear program (ojAlgo's {@code ExpressionsBasedModel}, LP only), per slot
 * t of h hours:
 * <ul>
 * <li>import i in [0, import cap], export e in [0, export limit], charge c in [0, max charge], discharge d in
 * [0, max discharge], PV used u in [0, PV] (the rest curtailed), mining m_k in [0, kW of segment k] with
 * sum m_k at most the slot's mining maximum;</li>
 * <li>balance: i - e + u + d - c = firm load + sum m_k;</li>
 * <li>state of charge: soc_t = soc_{t-1} + 100 h (eta c - d / eta) / capacity, eta = sqrt(round trip), within
 * [min(window minimum, now), max(window maximum, now)] so a battery outside its window now is not infeasible;</li>
 * <li>peak p at least the peak so far and every i;</li>
 * <li>maximise sum h / 1000 (sum r_k m_k + export price e - import price i - wear (c + d)) - demand charge
 * (p - peak so far), with the export price capped at the import price ({@link PlanSlotInput#netExportUsdPerMwh}).
 * </li>
 * </ul>
 * Pure and stateless: one instance may solve from any thread, one problem at a time per call.
 *
 * <p>Warm start: ojAlgo's LP solver (55.0.1) starts every solve from its own basis; it takes no previous
 * solution (variable values seed only its integer search). The {@code warm} argument is accepted for a later
 * solver and ignored; a cold solve of 192 slots and 12 value segments takes some 0.1 s (p99 0.3-0.45 s on two
 * busy cores) and some 15 MB of heap while it runs, 22 MB with a demand charge (the plan-bench benchmark).
 */
public final class PlanSolver {

    private final Duration timeLimit;

    /** @param timeLimit a solve that takes longer fails with a {@link PlanException} */
    public PlanSolver(Duration timeLimit) {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit " + timeLimit + " must be positive");
        }
        this.timeLimit = timeLimit;
    }

    /**
     * The plan that nets the most over the problem's slots.
     *
     * @param warm the previous plan; ignored (see the class comment)
     * @throws PlanException infeasible (a slot's firm load beyond what the grid, PV and battery can give, or a
     *     battery window that cannot be held), unbounded, or over the time limit, with a reason people can read
     */
    public Plan solve(PlanProblem problem, Optional<Plan> warm) throws PlanException {
        long start = System.nanoTime();
        checkFirmLoadCanBeServed(problem);
        PlanLp lp = new PlanLp(problem, timeLimit.toMillis());
        Optimisation.Result result = lp.maximise();
        double millis = (System.nanoTime() - start) / 1e6;
        Optimisation.State state = result.getState();
        if (!state.isOptimal()) {
            throw new PlanException(failure(problem, state, millis));
        }
        if (millis > timeLimit.toMillis()) {
            throw new PlanException(String.format(Locale.ROOT, "the plan of %d slots took %.0f ms, over the limit "
                    + "of %d ms", problem.slots().size(), millis, timeLimit.toMillis()));
        }
        return lp.read(result, millis);
    }

    /** The plain infeasibility, named by slot: firm load the grid, PV and a full discharge cannot serve. */
    private static void checkFirmLoadCanBeServed(PlanProblem problem) throws PlanException {
        double discharge = problem.storage().present() ? problem.storage().maxDischargeKw() : 0;
        for (int t = 0; t < problem.slots().size(); t++) {
            PlanSlotInput in = problem.slots().get(t);
            double supply = in.importCapKw() + in.pvKw() + discharge;
            if (in.firmKw() > supply) {
                throw new PlanException(String.format(Locale.ROOT, "no plan: slot %d (start %d) has %.1f kW of firm "
                        + "load but at most %.1f kW from the grid, %.1f kW of PV and %.1f kW from the battery", t,
                        in.startMillis(), in.firmKw(), in.importCapKw(), in.pvKw(), discharge));
            }
        }
    }

    private String failure(PlanProblem problem, Optimisation.State state, double millis) {
        String slots = problem.slots().size() + " slots";
        if (state == Optimisation.State.INFEASIBLE) {
            return "no plan of " + slots + " serves the firm load and holds the battery within its window";
        }
        if (state == Optimisation.State.UNBOUNDED) {
            return "the plan of " + slots + " is unbounded: a limit is missing";
        }
        return String.format(Locale.ROOT, "the solver gave no optimal plan of %s (state %s after %.0f ms, limit %d ms)",
                slots, state, millis, timeLimit.toMillis());
    }
}
