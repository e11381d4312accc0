package io.containeredge.control.replay;

/**
 * What a replay adds up to.
 *
 * @param energyCostUsd energy drawn times the energy price in force when it was drawn
 * @param revenueUsd work hashed times the hashprice in force, less the pool fee
 * @param uptimePct hashing miner-hours over all miner-hours: waking and asleep count as not hashing
 * @param stateChangesPerMinerDay the allocator's actions (sleep, wake, power target, PDU cut or restore) per miner
 *     per day
 * @param steps decision steps the replay ran
 */
public record ReplayResult(String strategy, int miners, double hours, double energyMwh, double energyCostUsd,
        double revenueUsd, double uptimePct, double stateChangesPerMinerDay, long steps) {

    public double profitUsd() {
        return revenueUsd - energyCostUsd;
    }
}
