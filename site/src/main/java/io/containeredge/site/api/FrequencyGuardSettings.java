package io.containeredge.site.api;

import java.time.Duration;

/**
 * The under-frequency guard ({@code grid.frequency}): sheds a block of load when the grid's frequency falls below a
 * threshold, restores it ramped once the frequency has recovered. A hard limit: nothing in the configuration turns it
 * into "no limit" while it holds.
 *
 * @param device the meter that reports the grid frequency, e.g. {@code meter-main}
 * @param point its frequency point, e.g. {@code frequency}
 * @param poll the dedicated fast poll period of that point (e.g. 100 ms)
 * @param nominalHz 50 or 60
 * @param thresholdHz shed below this (default 59.7 on 60 Hz grids, 49.7 on 50 Hz)
 * @param readings consecutive readings below the threshold that shed (default 2)
 * @param shedAll true: every miner is shed; false: {@code shedKw} of load, least valuable first
 * @param shedKw the block in kW when not {@code shedAll}
 * @param hardCut the relay-equivalent must be hard: the shed miners' PDU sockets are cut at once as well
 * @param hysteresisHz the frequency must be above threshold + this to count as recovered
 * @param restoreAfter recovered this long before the block returns
 * @param restoreRamp the block returns over this time
 */
public record FrequencyGuardSettings(String device, String point, Duration poll, double nominalHz, double thresholdHz,
        int readings, boolean shedAll, double shedKw, boolean hardCut, double hysteresisHz, Duration restoreAfter,
        Duration restoreRamp) {

    /** The meter point as the process image names it: {@code device/point}. */
    public String pointPath() {
        return device + "/" + point;
    }
}
