package io.containeredge.control.loop;

import io.containeredge.site.api.ControlSettings;
import io.containeredge.site.api.Limits;
import java.time.Duration;

/**
 * The numbers the guards work with: a view over the site's limits and its {@code control} section
 * (tuning with defaults an operator may override), each declared once there and read here under the
 * names the guards use.
 */
public record ControlConfig(Limits limits, ControlSettings settings) {

    /** The site's limits with the default tuning. */
    public static ControlConfig defaults(Limits limits) {
        return of(limits, ControlSettings.DEFAULTS);
    }

    /** The site's limits and its {@code control} section. */
    public static ControlConfig of(Limits limits, ControlSettings settings) {
        return new ControlConfig(limits, settings);
    }

    public Duration cyclePeriod() {
        return settings.cycle();
    }

    public double supplyWarningC() {
        return limits.coolantSupplyWarningC();
    }

    public double supplyTripC() {
        return limits.coolantSupplyTripC();
    }

    public double supplyLowC() {
        return limits.coolantSupplyLowC();
    }

    /** How far below the warning threshold supply must fall before curtailment ends. */
    public double hysteresisK() {
        return settings.hysteresisK();
    }

    public double minFlowM3h() {
        return limits.minFlowM3h();
    }

    /**
     * How fast a thermal warning steps miner power down; also the power guard's step-down rate where no
     * deadline applies (see {@code PowerConfig.forSite}).
     */
    public double curtailKwPerS() {
        return settings.curtailKwPerS();
    }

    /**
     * Power the miners may keep while a needed reading is not good (fail-safe level), in the thermal and
     * the power guard.
     */
    public double safeMinerKw() {
        return settings.safeMinerKw();
    }

    /** How long readings must be good again before the fail-safe level is lifted (both guards). */
    public Duration failSafeHold() {
        return settings.failSafeHold();
    }

    /** How fast load may come back (staggered wake-up; the power guard's recovery rate). */
    public double wakeRampKwPerS() {
        return settings.wakeRampKwPerS();
    }

    /** How long a miner may take to confirm sleep before its PDU socket is cut. */
    public Duration sleepConfirm() {
        return settings.sleepConfirm();
    }

    /** Least time between putting a miner to sleep and waking it again (no flapping). */
    public Duration minDwell() {
        return settings.minDwell();
    }

    /** Supply/return difference that signals flow trouble. */
    public double deltaTWarningK() {
        return settings.deltaTWarningK();
    }

    /**
     * How long the battery may deliver less than commanded before the power guard sheds miners for what
     * it really delivers.
     */
    public Duration batteryFollow() {
        return settings.batteryFollow();
    }
}
