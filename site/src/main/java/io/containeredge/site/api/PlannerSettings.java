package io.containeredge.site.api;

import java.time.Duration;
import java.util.Optional;

/**
 * The site's optional {@code planner} section: what the storage and renewables planner may plan with. Checked by
 * the loader (ranges, the battery window, a battery device for a battery section, the economics section it needs).
 *
 * @param battery the battery as the plan models it; empty: the plan has no storage
 * @param export selling back to the grid
 * @param pvRatedKw the on-site PV plant's rating, 0 for none: a forecast above it (plus 10 %) is refused
 * @param forecastFile a local generation forecast file, relative to the data directory unless absolute
 * @param firmLoadKw the firm load assumed when no auxiliary meter reads it
 * @param replanEvery how often the plan is solved again without another trigger
 * @param solveTimeLimit a longer solve is abandoned: the rule-based battery runs until the next one
 * @param forecastErrorKw PV output this far off its forecast re-plans at once
 * @param derating the transformer's rating per slot at the forecast ambient
 */
public record PlannerSettings(Optional<Storage> battery, Export export, double pvRatedKw, Optional<String> forecastFile,
        double firmLoadKw, Duration replanEvery, Duration solveTimeLimit, double forecastErrorKw, Derating derating) {

    public static final Duration DEFAULT_REPLAN_EVERY = Duration.ofMinutes(5);
    public static final Duration DEFAULT_SOLVE_TIME_LIMIT = Duration.ofSeconds(5);
    public static final double DEFAULT_FORECAST_ERROR_KW = 50;

    /**
     * @param minSocPct the lowest state of charge the plan uses (the power guard's reserve is kept in any case)
     * @param roundTripEfficiency AC to AC
     * @param wearUsdPerMwh priced on charge plus discharge
     */
    public record Storage(double capacityKwh, double minSocPct, double maxSocPct, double maxChargeKw,
            double maxDischargeKw, double roundTripEfficiency, double wearUsdPerMwh) {

        public static final double DEFAULT_MIN_SOC_PCT = 10;
        public static final double DEFAULT_MAX_SOC_PCT = 95;
        public static final double DEFAULT_ROUND_TRIP = 0.9;
        public static final double DEFAULT_WEAR_USD_PER_MWH = 20;
        /**
         * The state of charge the power guard keeps back whatever a plan asks (declared here so the loader can check
         * a plan's window against it; the guard reads it from here too).
         */
        public static final double GUARD_RESERVE_PCT = 20;
    }

    /** What export earns: nothing, a fixed price, or the market price of the slot. */
    public enum ExportPrice { ZERO, FIXED, MARKET }

    /** @param usdPerMwh the fixed price, with {@link ExportPrice#FIXED} */
    public record Export(double limitKw, ExportPrice price, double usdPerMwh) {

        public static final Export NONE = new Export(0, ExportPrice.ZERO, 0);
    }

    /** The rating falls by {@code pctPerC} % for each degree of ambient above {@code aboveC}. */
    public record Derating(double aboveC, double pctPerC) {

        public static final Derating DEFAULT = new Derating(30, 1);

        /** The share of the rating usable at an ambient temperature; the full rating when it is not known. */
        public double factorAt(double ambientC) {
            if (!Double.isFinite(ambientC)) {
                return 1;
            }
            return Math.max(0, 1 - Math.max(0, ambientC - aboveC) * pctPerC / 100);
        }
    }
}
