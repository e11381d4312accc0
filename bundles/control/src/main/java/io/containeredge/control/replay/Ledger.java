package io.containeredge.control.replay;

/**
 * The replay's accounting of the miners, interval by interval: energy, work, uptime, actions. What the energy costs is
 * the site's meter's ({@link SiteLedger}).
 */
final class Ledger {

    private static final double SECONDS_PER_DAY = 86_400;
    private static final double WH_PER_MWH = 1e6;

    private final int miners;
    private double seconds;
    private double energyMwh;
    private double revenueUsd;
    private double hashingMinerSeconds;
    private long changes;
    private long steps;

    Ledger(int miners) {
        this.miners = miners;
    }

    /** @param netUsdPerThDay the hashprice in force, less the pool fee */
    void add(ReplayFleet.Interval done, double seconds, double netUsdPerThDay) {
        double mwh = done.energyWh() / WH_PER_MWH;
        this.seconds += seconds;
        energyMwh += mwh;
        revenueUsd += done.hashedTh() / SECONDS_PER_DAY * netUsdPerThDay;
        hashingMinerSeconds += done.hashingMinerSeconds();
    }

    /** One decision step that sent {@code actions} actions. */
    void step(int actions) {
        steps++;
        changes += actions;
    }

    /** @param site the meter's side: what the energy cost (the site's import), the export and the battery */
    ReplayResult result(String strategy, SiteResult site) {
        double minerSeconds = miners * seconds;
        double minerDays = minerSeconds / SECONDS_PER_DAY;
        return new ReplayResult(strategy, miners, seconds / 3600, energyMwh, site.importCostUsd(), revenueUsd,
                minerSeconds > 0 ? 100 * hashingMinerSeconds / minerSeconds : 0,
                minerDays > 0 ? changes / minerDays : 0, steps, site);
    }
}
