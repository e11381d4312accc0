package io.containeredge.control.economics;

import io.containeredge.site.api.MinerCurve;

/**
 * What a miner earns at a power, pure: value(P) = hashrate(P) x hashprice x (1 - pool fee) - P x energy price.
 * Units: hashrate in TH/s, hashprice in USD per TH/s per day (so / 24 per hour), power in W, price in USD/MWh;
 * values in USD per hour.
 */
public final class Valuation {

    private static final double HOURS_PER_DAY = 24;
    private static final double W_PER_MW = 1e6;

    private Valuation() {
    }

    /** A power target and what the miner earns there per hour; power 0 is asleep (earning and costing nothing). */
    public record Step(double powerW, double usdPerHour) {

        public static final Step SLEEP = new Step(0, 0);
    }

    /** What a miner with this curve earns per hour at {@code powerW}, net of its energy. */
    public static double usdPerHour(MinerCurve curve, double powerW, double netUsdPerThDay, double usdPerMwh) {
        return curve.hashrateThAt(powerW) * netUsdPerThDay / HOURS_PER_DAY - powerW / W_PER_MW * usdPerMwh;
    }

    /**
     * The step that earns most: a power target between its limits, or sleep when every step loses money (a
     * sleeping miner's few watts are left out). Among equal values the lower power: the same money for less load.
     */
    public static Step best(UnitModel unit, double netUsdPerThDay, double usdPerMwh) {
        Step best = null;
        for (double w : unit.steps()) {
            double v = usdPerHour(unit.curve(), w, netUsdPerThDay, usdPerMwh);
            if (best == null || v > best.usdPerHour()) {
                best = new Step(w, v);
            }
        }
        return best.usdPerHour() < 0 ? Step.SLEEP : best;
    }

    /** What one kW of the miner earns per hour flat out: the order in which miners are curtailed and restored. */
    public static double usdPerHourPerKw(UnitModel unit, double netUsdPerThDay, double usdPerMwh) {
        double top = unit.topW();
        return usdPerHour(unit.curve(), top, netUsdPerThDay, usdPerMwh) / (top / 1000);
    }

    /**
     * The energy price above which a unit of this efficiency loses money: hashprice x 10^6 / (24 x J/TH), with
     * the hashprice in USD per TH/s per day (the same as USD per PH/s per day x 1000 / (24 x J/TH)).
     */
    public static double breakevenUsdPerMwh(double joulesPerTh, double netUsdPerThDay) {
        return netUsdPerThDay * W_PER_MW / (HOURS_PER_DAY * joulesPerTh);
    }

    /**
     * A unit's breakeven energy price at its most efficient power target: above it no step pays and the unit
     * sleeps ({@link #best} decides on the same steps).
     */
    public static double breakevenUsdPerMwh(UnitModel unit, double netUsdPerThDay) {
        double best = Double.POSITIVE_INFINITY;
        for (double w : unit.steps()) {
            best = Math.min(best, unit.curve().joulesPerThAt(w));
        }
        return breakevenUsdPerMwh(best, netUsdPerThDay);
    }
}
