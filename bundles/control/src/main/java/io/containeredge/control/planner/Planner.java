package io.containeredge.control.planner;

import io.containeredge.control.economics.EconomicInputs;
import io.containeredge.control.economics.Hashprice;
import io.containeredge.control.economics.PriceSlots;
import io.containeredge.control.economics.UnitModel;
import io.containeredge.site.api.PlannerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Solves the plan again every {@code replanEvery}, and at once on new prices, a new forecast, a new hashprice, an
 * import cap change, or PV output or state of charge far off the plan; the plan in force is followed until the new
 * one is solved. Runs on its own thread ({@link #tick}), never on the control cycle's: a solve may take a good part of
 * a second. A solve
 * that fails (infeasible, over its time limit, an input not good) leaves the controller on the rule-based battery and
 * says why; so does a plan that ran out (its horizon or its age).
 */
public final class Planner {

    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);
    /** A state of charge this far off the plan's re-plans at once: the battery did not do what was planned. */
    static final double SOC_ERROR_PCT = 10;
    /** PV or SoC off the plan re-plans at most this often, so a noisy reading cannot spin the solver. */
    static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    private final PlannerSettings settings;
    private final EconomicInputs prices;
    private final PlanSolver solver;
    private final PvHistory history;
    private final Collection<UnitModel> units;
    private final double transformerRatingKw;
    private final MonthPeak peak;
    private volatile GenerationForecast forecast = GenerationForecast.NONE;
    private volatile HeldPlan held = HeldPlan.NONE;
    /** What the last solve was made on, to see what changed. */
    private PriceSlots solvedPrices;
    private GenerationForecast solvedForecast;
    private Hashprice solvedHashprice;
    private double solvedCapKw = Double.NaN;
    private long lastAttemptMillis = Long.MIN_VALUE;
    /** When PV or the state of charge last re-planned: no more than once a minute. */
    private long lastDeviationMillis = Long.MIN_VALUE / 2;

    /**
     * @param units the priced miners, one curve each: the fleet's value curve
     * @param transformerRatingKw the transformer's rating at the assumed power factor
     * @param peak the month's peak import, for the demand charge
     */
    public Planner(PlannerSettings settings, EconomicInputs prices, PvHistory history, Collection<UnitModel> units,
            double transformerRatingKw, MonthPeak peak) {
        this.settings = settings;
        this.prices = prices;
        this.history = history;
        this.units = List.copyOf(units);
        this.transformerRatingKw = transformerRatingKw;
        this.peak = peak;
        this.solver = new PlanSolver(settings.solveTimeLimit());
    }

    public PlannerSettings settings() {
        return settings;
    }

    /** The plan held now; read every control cycle. */
    public HeldPlan held() {
        return held;
    }

    /** A checked forecast in place of the one received before; the next tick re-plans on it. */
    public void useForecast(GenerationForecast checked) {
        forecast = checked;
    }

    public GenerationForecast forecast() {
        return forecast;
    }

    /** The forecast generation at a wall-clock time: the received forecast, else the persistence forecast. */
    public double forecastPvKw(long wallMillis) {
        return PlanProblems.pvKw(forecast, history, wallMillis);
    }

    /**
     * Learns from the readings and re-plans when due or triggered.
     *
     * @param seen what the control cycle saw last
     * @param importCapKw the import cap in force now (an override counts)
     * @param elapsed monotonic milliseconds since a wall-clock time (ages of what the cycle saw)
     */
    public void tick(Observed seen, double importCapKw, long wallMillis, LongUnaryOperator elapsed) {
        if (seen == null) {
            return; // no control cycle yet: nothing to plan on, and nothing is wrong
        }
        if (Double.isFinite(seen.pvKw())) {
            history.add(wallMillis, seen.pvKw());
        }
        if (Double.isFinite(seen.importKw())) {
            peak.add(wallMillis, seen.importKw());
        }
        Optional<String> trigger = trigger(seen, importCapKw, wallMillis);
        if (trigger.isEmpty()) {
            return;
        }
        lastAttemptMillis = wallMillis;
        solvedPrices = prices.prices();
        solvedForecast = forecast;
        solvedHashprice = prices.hashprice();
        solvedCapKw = importCapKw;
        String why = usable(seen, elapsed);
        if (why != null) {
            held = held.fallback("not planned (" + trigger.get() + "): " + why);
            LOG.warn("planner: {}", held.reason());
            return;
        }
        PlanProblems.Now now = new PlanProblems.Now(wallMillis, seen.socPct(), seen.pvKw(), seen.ambientC(),
                importCapKw, transformerRatingKw, peak.peakKw(wallMillis), prices.hashprice().netUsdPerThDay(), units);
        try {
            PlanProblem problem = PlanProblems.build(settings, prices, forecast, history, now);
            Plan plan = solver.solve(problem, held.plan());
            held = new HeldPlan(Optional.of(plan), problem, wallMillis, trigger.get(), true, String.format(Locale.ROOT,
                    "solved in %.0f ms (%s): %.0f USD over 48 h", plan.solveMillis(), trigger.get(),
                    plan.objectiveUsd()));
            LOG.info("planner: {}", held.reason());
        } catch (PlanException e) {
            held = held.fallback("plan not solved (" + trigger.get() + "): " + e.getMessage());
            LOG.warn("planner: {}; the power guard's rule-based battery runs", held.reason());
        }
    }

    /** Why the readings cannot be planned on, or null when they can. */
    private String usable(Observed seen, LongUnaryOperator elapsed) {
        long ageMillis = elapsed.applyAsLong(seen.nowMillis());
        if (ageMillis > Observed.MAX_AGE.toMillis()) {
            return "the control cycle's readings are " + ageMillis / 1000 + " s old";
        }
        if (settings.battery().isPresent() && !Double.isFinite(seen.socPct())) {
            return "the battery's state of charge is not good (" + seen.socSource() + ")";
        }
        return null;
    }

    private Optional<String> trigger(Observed seen, double capKw, long wallMillis) {
        if (lastAttemptMillis == Long.MIN_VALUE) {
            return Optional.of("first plan");
        }
        long since = wallMillis - lastAttemptMillis;
        List<String> why = new ArrayList<>();
        if (since >= settings.replanEvery().toMillis()) {
            why.add("every " + settings.replanEvery().toMinutes() + " min");
        }
        // by content: a feed that rewrites the same prices or forecast every few seconds is not news
        if (!prices.prices().slots().equals(solvedPrices.slots())) {
            why.add("new prices");
        }
        if (!forecast.slots().equals(solvedForecast.slots())) {
            why.add("new forecast");
        }
        if (prices.hashprice() != solvedHashprice) {
            why.add("new hashprice");
        }
        if (Double.compare(capKw, solvedCapKw) != 0) {
            why.add("import cap " + Math.round(solvedCapKw) + " -> " + Math.round(capKw) + " kW");
        }
        if (wallMillis - lastDeviationMillis >= MIN_INTERVAL.toMillis()) {
            deviation(seen, wallMillis).ifPresent(off -> {
                why.add(off);
                lastDeviationMillis = wallMillis;
            });
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", why));
    }

    /** PV output or state of charge far off what the plan expected now. */
    private Optional<String> deviation(Observed seen, long wallMillis) {
        // against what the plan assumed for now (the reading when it was solved in the current slot): a cloud that
        // stays re-plans once, and once more when the next slot's clear forecast meets it, not every minute
        double pvError = seen.pvKw() - held.assumedAt(wallMillis).map(PlanSlotInput::pvKw).orElse(Double.NaN);
        if (Double.isFinite(pvError) && Math.abs(pvError) > settings.forecastErrorKw()) {
            return Optional.of(String.format(Locale.ROOT, "forecast error %+.0f kW", pvError));
        }
        double socError = seen.socPct() - held.plannedSocAt(wallMillis);
        if (settings.battery().isPresent() && Double.isFinite(socError) && Math.abs(socError) > SOC_ERROR_PCT) {
            return Optional.of(String.format(Locale.ROOT, "state of charge %+.0f %% off the plan", socError));
        }
        return Optional.empty();
    }
}
