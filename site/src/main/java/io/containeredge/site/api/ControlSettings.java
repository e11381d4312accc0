package io.containeredge.site.api;

import java.time.Duration;

/**
 * The control loop's tuning from the site's optional {@code control} section; every field has a
 * default that suits a 1-2.5 MW immersion container.
 *
 * @param hysteresisK how far below the warning threshold supply must fall before curtailment ends
 * @param curtailKwPerS how fast a thermal warning steps miner power down
 * @param safeMinerKw power miners may keep while a needed reading is not good
 * @param failSafeHold how long readings must be good again before the safe level is lifted
 * @param wakeRampKwPerS how fast load may come back
 * @param sleepConfirm how long a miner may take to confirm sleep before its PDU socket is cut
 * @param minDwell least time between putting a miner to sleep and waking it again
 * @param deltaTWarningK supply/return difference that signals flow trouble
 * @param batteryFollow how long the battery may deliver less than commanded before miners are shed instead
 */
public record ControlSettings(
        Duration cycle,
        double hysteresisK,
        double curtailKwPerS,
        double safeMinerKw,
        Duration failSafeHold,
        double wakeRampKwPerS,
        Duration sleepConfirm,
        Duration minDwell,
        double deltaTWarningK,
        Duration batteryFollow) {

    public static final ControlSettings DEFAULTS = new ControlSettings(Duration.ofMillis(250), 2.0, 20.0, 0.0,
            Duration.ofSeconds(30), 50.0, Duration.ofSeconds(10), Duration.ofSeconds(30), 10.0, Duration.ofSeconds(5));
}
