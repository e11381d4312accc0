package io.containeredge.control.api;

import java.util.List;

/**
 * The fleet's measured efficiency: its J/TH and hashrate over the modelled miners hashing now, each miner's
 * numbers, and the underperformers ranked by what they lose per day.
 *
 * @param atMillis wall-clock time of the cycle it was taken in; 0 before the first
 * @param joulesPerTh total power over total hashrate of the modelled miners hashing now; NaN when none hashes
 * @param hashrateThs their total hashrate, TH/s
 * @param powerW their total power, W
 * @param netHashpriceUsdPerThDay the hashprice after the pool fee the lost revenue is valued at; NaN without
 *     economics
 * @param miners every modelled miner, by index
 * @param underperformers the miners raising a warning, the most lost revenue per day first
 */
public record FleetEfficiency(long atMillis, double joulesPerTh, double hashrateThs, double powerW,
        double netHashpriceUsdPerThDay, List<MinerEfficiency> miners, List<MinerEfficiency> underperformers) {

    public FleetEfficiency {
        miners = List.copyOf(miners);
        underperformers = List.copyOf(underperformers);
    }

    /** Before the first cycle, or on a site without miner models. */
    public static final FleetEfficiency NONE = new FleetEfficiency(0, Double.NaN, 0, 0, Double.NaN, List.of(),
            List.of());
}
