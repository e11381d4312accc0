package io.containeredge.backtest;

import io.containeredge.simulator.physics.PvPlant;
import java.util.Random;

/**
 * A PV plant's year for the backtest, deterministic from a seed: the simulator's clear-sky curve
 * ({@link PvPlant#clearSkyKw}) at a latitude and longitude, scaled by the day's weather: most days clear, some partly
 * cloudy (passing clouds slot by slot), a few overcast. Constant within each quarter hour (its value at the
 * quarter's middle), as the planner's slots and a meter's means are.
 */
final class PvSeries {

    static final long SEED = 14;
    private static final long QUARTER_MILLIS = 15 * 60_000L;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final double MILLIS_PER_HOUR = 3_600_000;
    private static final double DEGREES_PER_HOUR = 15;
    private static final double CLEAR_DAYS = 0.65;
    private static final double PARTLY_CLOUDY_DAYS = 0.25;

    private final double ratedKw;
    private final double latitudeDeg;
    private final double longitudeDeg;
    private final long seed;

    PvSeries(double ratedKw, double latitudeDeg, double longitudeDeg, long seed) {
        if (!(ratedKw >= 0) || !(Math.abs(latitudeDeg) <= 90) || !(Math.abs(longitudeDeg) <= 180)) {
            throw new IllegalArgumentException("PV plant of " + ratedKw + " kW at latitude " + latitudeDeg
                    + ", longitude " + longitudeDeg + ": kW 0 or more, latitude -90 to 90, longitude -180 to 180");
        }
        this.ratedKw = ratedKw;
        this.latitudeDeg = latitudeDeg;
        this.longitudeDeg = longitudeDeg;
        this.seed = seed;
    }

    /** The plant's mean output over the quarter hour covering a wall-clock time, kW. */
    double kwAt(long wallMillis) {
        if (ratedKw == 0) {
            return 0;
        }
        long quarter = Math.floorDiv(wallMillis, QUARTER_MILLIS);
        long middle = quarter * QUARTER_MILLIS + QUARTER_MILLIS / 2;
        return PvPlant.clearSkyKw(ratedKw, latitudeDeg, longitudeDeg, middle) * weather(middle, quarter);
    }

    /**
     * The share of the clear sky the weather lets through: by the day's kind (days from solar midnight, so a day's
     * weather holds from sunrise to sunset), partly cloudy days by the slot.
     */
    private double weather(long wallMillis, long quarter) {
        long day = Math.floorDiv(wallMillis + (long) (longitudeDeg / DEGREES_PER_HOUR * MILLIS_PER_HOUR), DAY_MILLIS);
        Random days = new Random(seed * 1_000_003 + day);
        double kind = days.nextDouble();
        double level = days.nextDouble();
        if (kind < CLEAR_DAYS) {
            return 0.9 + 0.1 * level;
        }
        if (kind < CLEAR_DAYS + PARTLY_CLOUDY_DAYS) {
            double passing = new Random(seed * 7_919 + quarter).nextDouble();
            return passing < 0.4 ? 0.2 + 0.3 * level : 0.85;
        }
        return 0.1 + 0.2 * level;
    }
}
