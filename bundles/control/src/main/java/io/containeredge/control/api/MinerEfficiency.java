package io.containeredge.control.api;

/**
 * One modelled miner's efficiency as measured now, next to what its model's curve says it should hash.
 *
 * @param index the miner
 * @param model its model's name
 * @param awake hashing now (the numbers below are NaN otherwise)
 * @param powerW what it draws: its PDU socket's metered power where the site has it, else its own report, W
 * @param hashrateThs its hashrate averaged over its firmware's window, TH/s (its 5 s hashrate without one)
 * @param joulesPerTh {@code powerW / hashrateThs}
 * @param expectedThs what its model's curve hashes at {@code powerW}, TH/s
 * @param deficitPct how far below that it hashes, % (negative: above)
 * @param samplesLearned the settled samples its learned curve is made of
 * @param pointsLearned the power steps it has learned points at
 * @param underperformingSinceMillis wall-clock time it has been below its curve or an outlier since (not yet for
 *     the configured time while {@code underperforming} is false), null when it is neither
 * @param underperforming below its curve or an outlier for the configured time: a warning is raised
 * @param why what makes it an underperformer: {@code below its curve}, {@code J/TH outlier}; null when neither
 * @param lostUsdPerDay (expected - measured TH/s) x net hashprice: what its deficit costs, USD/day (0 when it
 *     hashes no less than its curve)
 * @param dialect the id of the firmware dialect it is polled in; null while the controller has no status of it
 * @param pauseReason the firmware's own words on whether and why it is paused (Braiins-style firmware:
 *     {@code "paused by API"}, {@code "not paused"}), from its last answer; null when its dialect reads none or it
 *     did not answer
 */
public record MinerEfficiency(int index, String model, boolean awake, double powerW, double hashrateThs,
        double joulesPerTh, double expectedThs, double deficitPct, long samplesLearned, int pointsLearned,
        Long underperformingSinceMillis, boolean underperforming, String why, double lostUsdPerDay, String dialect,
        String pauseReason) {
}
