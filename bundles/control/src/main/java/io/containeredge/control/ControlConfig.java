package io.containeredge.control;

import io.containeredge.modbus.site.Limits;
import java.time.Duration;

/**
 * The numbers the guards work with. Limits come from the site file; the rest has defaults an
 * operator may override in the site's {@code control} section.
 *
 * @param hysteresisK how far below the warning threshold supply must fall before curtailment ends
 * @param curtailKwPerS how fast a thermal warning steps miner power down
 * @param safeMinerKw power the miners may keep while a needed reading is not good (fail-safe level)
 * @param failSafeHold how long readings must be good again before the fail-safe level is lifted
 * @param wakeRampKwPerS how fast load may come back (staggered wake-up)
 * @param sleepConfirm how long a miner may take to confirm sleep before its PDU socket is cut
 * @param minDwell least time between putting a miner to sleep and waking it again (no flapping)
 * @param deltaTWarningK supply/return difference that signals flow trouble
 */
public record ControlConfig(
        Duration cyclePeriod,
        double supplyWarningC,
        double supplyTripC,
        double supplyLowC,
        double hysteresisK,
        double minFlowM3h,
        double curtailKwPerS,
        double safeMinerKw,
        Duration failSafeHold,
        double wakeRampKwPerS,
        Duration sleepConfirm,
        Duration minDwell,
        double deltaTWarningK,
        Limits limits) {

    public ControlConfig withCyclePeriod(Duration period) {
        return new ControlConfig(period, supplyWarningC, supplyTripC, supplyLowC, hysteresisK, minFlowM3h,
                curtailKwPerS, safeMinerKw, failSafeHold, wakeRampKwPerS, sleepConfirm, minDwell, deltaTWarningK, limits);
    }

    /** Defaults around the site's limits. */
    public static ControlConfig defaults(Limits limits) {
        return new ControlConfig(Duration.ofMillis(250), limits.coolantSupplyWarningC(), limits.coolantSupplyTripC(),
                limits.coolantSupplyLowC(), 2.0, limits.minFlowM3h(), 20.0, 0.0, Duration.ofSeconds(30), 50.0,
                Duration.ofSeconds(10), Duration.ofSeconds(30), 10.0, limits);
    }
}
