package io.containeredge.control.miner;

/**
 * What one miner last reported.
 *
 * @param reachable it answered the last poll
 * @param powerW its own power reading, W; its rated power when it did not answer or does not report
 *     power, because a silent miner may well still be drawing (worst case for the grid limit)
 * @param targetW its power target, W; its rated power when the firmware reports none (stock firmware
 *     runs at rated power)
 * @param hashrateThs 5-second hashrate, TH/s; 0 when not reported
 * @param maxTempC hottest temperature it reports (normally the chip), degC; NaN when it reports none
 * @param updatedMillis wall-clock time the poll finished, or 0 if it has never been polled
 * @param error why it is not a plain answer (the failure, or the miner's own warning), else null
 * @param averageThs hashrate the firmware averaged over its own window ({@code averageWindowSeconds}), TH/s; NaN
 *     when it reports no windowed average (a since-boot average is not one: it never settles after a change)
 * @param averageWindowSeconds the length of that window, s; 0 without one
 * @param pauseReason why the firmware says it is paused (or that it is not), for people; null when its dialect
 *     reads none
 * @param dialect the id of the firmware dialect it was polled in (e.g. {@code cgminer}); null for a status not
 *     read from a miner
 */
public record MinerStatus(int index, boolean reachable, MinerMode mode, double powerW, double targetW,
        double hashrateThs, double maxTempC, long updatedMillis, String error, double averageThs,
        double averageWindowSeconds, String pauseReason, String dialect) {

    /** A status without a windowed hashrate average, whose firmware says nothing about pausing. */
    public MinerStatus(int index, boolean reachable, MinerMode mode, double powerW, double targetW,
            double hashrateThs, double maxTempC, long updatedMillis, String error) {
        this(index, reachable, mode, powerW, targetW, hashrateThs, maxTempC, updatedMillis, error, Double.NaN, 0,
                null, null);
    }

    /** A status with a windowed hashrate average, whose firmware says nothing about pausing. */
    public MinerStatus(int index, boolean reachable, MinerMode mode, double powerW, double targetW,
            double hashrateThs, double maxTempC, long updatedMillis, String error, double averageThs,
            double averageWindowSeconds) {
        this(index, reachable, mode, powerW, targetW, hashrateThs, maxTempC, updatedMillis, error, averageThs,
                averageWindowSeconds, null, null);
    }

    /** A miner that did not answer: unknown mode, assumed to draw its rated power. */
    public static MinerStatus unreachable(MinerEndpoint endpoint, String error, long nowMillis) {
        return new MinerStatus(endpoint.index(), false, MinerMode.UNKNOWN, endpoint.ratedW(), endpoint.ratedW(),
                0, Double.NaN, nowMillis, error, Double.NaN, 0, null, endpoint.dialect().id());
    }
}
