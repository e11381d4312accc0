package io.containeredge.control.loop;

import io.containeredge.site.api.ControlSettings;
import io.containeredge.site.api.Limits;
import java.time.Duration;

/**
 * The numbers the guards work with. Limits come from the site file; the rest has defaults an
 * operator may override in the site's {@code control} section.
 *
 * @param hysteresisK how far below the warning threshold supply must fall before curtailment ends
 * @param curtailKwPerS how fast a thermal warning steps miner power down; also the power guard's step-down
 *     rate where no deadline applies (see {@code PowerConfig.forSite})
 * @param safeMinerKw power the miners may keep while a needed reading is not good (fail-safe level), in the
 *     thermal and the power guard
 * @param failSafeHold how long readings must be good again before the fail-safe level is lifted (both guards)
 * @param wakeRampKwPerS how fast load may come back (staggered wake-up; the power guard's recovery rate)
 * @param sleepConfirm how long a miner may take to confirm sleep before its PDU socket is cut
 * @param minDwell least time between putting a miner to sleep and waking it again (no flapping)
 * @param deltaTWarningK supply/return difference that signals flow trouble
 * @param batteryFollow how long the battery may deliver less than commanded before the power guard sheds
 *     miners for what it really delivers
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
        Limits limits,
        Duration batteryFollow) {

    /** The site's limits with the default tuning. */
    public static ControlConfig defaults(Limits limits) {
        return of(limits, ControlSettings.DEFAULTS);
    }

    /** The site's limits and its {@code control} section. */
    public static ControlConfig of(Limits limits, ControlSettings c) {
        return new ControlConfig(c.cycle(), limits.coolantSupplyWarningC(), limits.coolantSupplyTripC(),
                limits.coolantSupplyLowC(), c.hysteresisK(), limits.minFlowM3h(), c.curtailKwPerS(), c.safeMinerKw(),
                c.failSafeHold(), c.wakeRampKwPerS(), c.sleepConfirm(), c.minDwell(), c.deltaTWarningK(), limits,
                c.batteryFollow());
    }
}
