package io.containeredge.control.replay;

/** The replay's accounting, interval by interval: prices are constant within each (steps start at every slot). */
final class Ledger {

    private static final double SECONDS_PER_DAY = 86_400;
    private static final double WH_PER_MWH = 1e6;

    private final int miners;
    private double seconds;
    private double energyMwh;
    private double costUsd;
    private double revenueUsd;
    private double hashingMinerSeconds;
    private long changes;
    private long steps;

    Ledger(int miners) {
        this.miners = miners;
    }

    /**
     * @param usdPerMwh the energy price in force over the interval
     * @param netUsdPerThDay the hashprice in force, less the pool fee
     */
    void add(ReplayFleet.Interval done, double seconds, double usdPerMwh, double netUsdPerThDay) {
        double mwh = done.energyWh() / WH_PER_MWH;
        this.seconds += seconds;
        energyMwh += mwh;
        costUsd += mwh * usdPerMwh;
        revenueUsd += done.hashedTh() / SECONDS_PER_DAY * netUsdPerThDay;
        hashingMinerSeconds += done.hashingMinerSeconds();
    }

    /** One decision step that sent {@code actions} actions. */
    void step(int actions) {
        steps++;
        changes += actions;
    }

    ReplayResult result(String strategy) {
        double minerSeconds = miners * seconds;
        double minerDays = minerSeconds / SECONDS_PER_DAY;
        return new ReplayResult(strategy, miners, seconds / 3600, energyMwh, costUsd, revenueUsd,
                minerSeconds > 0 ? 100 * hashingMinerSeconds / minerSeconds : 0,
                minerDays > 0 ? changes / minerDays : 0, steps);
    }
}
