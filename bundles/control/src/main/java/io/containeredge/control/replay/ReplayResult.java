package io.containeredge.control.replay;

/**
 * What a replay adds up to.
 *
 * @param energyMwh drawn by the miners
 * @param energyCostUsd the site's import times the energy price in force when it was drawn: the miners' energy
 *     alone when the replay accounts only the miners ({@link SiteEnergy#MINERS_ONLY})
 * @param revenueUsd work hashed times the hashprice in force, less the pool fee
 * @param uptimePct hashing miner-hours over all miner-hours: waking and asleep count as not hashing
 * @param stateChangesPerMinerDay the allocator's actions (sleep, wake, power target, PDU cut or restore) per miner
 *     per day
 * @param steps decision steps the replay ran
 * @param site the meter's side: import, export, PV and battery
 */
public record ReplayResult(String strategy, int miners, double hours, double energyMwh, double energyCostUsd,
        double revenueUsd, double uptimePct, double stateChangesPerMinerDay, long steps, SiteResult site) {

    /** Revenue and export earnings less the energy cost and the battery's wear. */
    public double profitUsd() {
        return revenueUsd + site.exportUsd() - energyCostUsd - site.wearUsd();
    }
}
