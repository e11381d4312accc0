package io.containeredge.control.power;

import io.containeredge.control.loop.ControlConfig;
import io.containeredge.site.api.Limits;
import java.time.Duration;

/**
 * The numbers the power guard works with. Ratings and limits come from the site, and so do the settings
 * it shares with the thermal guard ({@link #forSite}); the other rates and times have defaults chosen so
 * that miners can follow every reduction the guard asks for.
 *
 * @param powerFactor assumed load power factor: the rating in kVA allows rating x pf in kW
 * @param importCapKw the site's import cap (grid connection or contract)
 * @param capOverride a commanded cap replacing {@code importCapKw} until it expires, or null
 * @param hotSpotLimitC continuous hot-spot limit (110 degC: normal ageing)
 * @param hotSpotEmergencyC emergency hot-spot limit (140 degC): above it the guard reduces fast
 * @param hotSpotHysteresisK how far under the continuous limit the hot spot must fall before a
 *     thermal reduction is released
 * @param emergencyBudget how long the hot spot may stay above the continuous limit per
 *     {@code emergencyWindow} before the guard reduces fast; kept as a leaky bucket (time above the
 *     limit fills it, it drains at budget / window), so no history of a whole day is needed
 * @param thermalDerateKwPerS how fast the allowed import steps down while the hot spot is above the
 *     continuous limit (winding tau is minutes: a slow, steady reduction, not a shed)
 * @param emergencyDerateKwPerS the same above the emergency limit or with the budget spent
 * @param curtailKwPerS how fast the miner limit steps down where no deadline applies; at least the
 *     emergency derate so miners keep up with it
 * @param recoverKwPerS how fast the miner limit and a released thermal reduction may rise
 * @param capFixTime once the import is above the rating or cap, the miner limit reaches what brings it
 *     back under within this time; the import follows within the miners' sleep time (under 5 s), so
 *     the default 25 s ends an overrun within 30 s
 * @param safeMinerKw miner power allowed while the import reading is not good
 * @param failSafeHold how long the import reading must be good again before the safe level is lifted
 * @param designAmbientC ambient the model assumes when the ambient reading is not good (a hot day)
 * @param batteryFollowTime how long the battery may deliver less than it was commanded before the
 *     miners stop counting on the command and shed for what it really delivers
 */
public record PowerConfig(
        TransformerParams transformer,
        double powerFactor,
        double importCapKw,
        CapOverride capOverride,
        double hotSpotLimitC,
        double hotSpotEmergencyC,
        double hotSpotHysteresisK,
        Duration emergencyBudget,
        Duration emergencyWindow,
        double thermalDerateKwPerS,
        double emergencyDerateKwPerS,
        double curtailKwPerS,
        double recoverKwPerS,
        Duration capFixTime,
        BatteryLimits battery,
        double safeMinerKw,
        Duration failSafeHold,
        double designAmbientC,
        Duration batteryFollowTime) {

    public PowerConfig {
        if (!(powerFactor > 0 && powerFactor <= 1) || !(hotSpotLimitC < hotSpotEmergencyC)
                || !(thermalDerateKwPerS > 0 && thermalDerateKwPerS <= emergencyDerateKwPerS
                        && emergencyDerateKwPerS <= curtailKwPerS) || !(recoverKwPerS > 0)
                || !(safeMinerKw >= 0) || !Double.isFinite(designAmbientC) || capFixTime.isNegative() || capFixTime.isZero()
                || !(emergencyBudget.compareTo(emergencyWindow) < 0) || batteryFollowTime.isNegative()) {
            throw new IllegalArgumentException("inconsistent power configuration: " + this);
        }
    }

    /**
     * Defaults around the site's limits: thermal derate 2 kW/s (120 kW per minute), emergency 20 kW/s,
     * miner curtail 20 kW/s, recovery 10 kW/s, cap overrun commanded away within 25 s, 30 min emergency budget
     * per 24 h, safe level 0 held 30 s, 40 degC design ambient, the battery followed within 5 s.
     */
    public static PowerConfig defaults(Limits limits, BatteryLimits battery) {
        return new PowerConfig(TransformerParams.onan(limits.transformerRatingKva()), 0.95, limits.importCapKw(),
                null, limits.hotSpotLimitC(), limits.hotSpotEmergencyC(), 5, Duration.ofMinutes(30),
                Duration.ofHours(24), 2, 20, 20, 10, Duration.ofSeconds(25), battery, 0, Duration.ofSeconds(30), 40,
                Duration.ofSeconds(5));
    }

    /**
     * The site's part, built once per site: its limits and the {@code control} settings the power guard
     * shares with the thermal guard ({@code curtailKwPerS}, {@code safeMinerKw}, {@code failSafeHold}), its
     * wake-up ramp as the recovery rate (one ramp for all returning load) and {@code batteryFollow}. The
     * curtail rate is never below the emergency derate, so miners keep up with the fastest reduction; no
     * battery until {@link #withBattery} gives this cycle's limits.
     */
    public static PowerConfig forSite(ControlConfig c) {
        PowerConfig d = defaults(c.limits(), BatteryLimits.none());
        return new PowerConfig(d.transformer, d.powerFactor, d.importCapKw, null, d.hotSpotLimitC, d.hotSpotEmergencyC,
                d.hotSpotHysteresisK, d.emergencyBudget, d.emergencyWindow, d.thermalDerateKwPerS,
                d.emergencyDerateKwPerS, Math.max(c.curtailKwPerS(), d.emergencyDerateKwPerS), c.wakeRampKwPerS(),
                d.capFixTime, d.battery, c.safeMinerKw(), c.failSafeHold(), d.designAmbientC, c.batteryFollow());
    }

    /** The same with this cycle's battery limits (as the inverter reports them, or none). */
    public PowerConfig withBattery(BatteryLimits limits) {
        return new PowerConfig(transformer, powerFactor, importCapKw, capOverride, hotSpotLimitC, hotSpotEmergencyC,
                hotSpotHysteresisK, emergencyBudget, emergencyWindow, thermalDerateKwPerS, emergencyDerateKwPerS,
                curtailKwPerS, recoverKwPerS, capFixTime, limits, safeMinerKw, failSafeHold, designAmbientC,
                batteryFollowTime);
    }

    public PowerConfig withCapOverride(CapOverride override) {
        return new PowerConfig(transformer, powerFactor, importCapKw, override, hotSpotLimitC, hotSpotEmergencyC,
                hotSpotHysteresisK, emergencyBudget, emergencyWindow, thermalDerateKwPerS, emergencyDerateKwPerS,
                curtailKwPerS, recoverKwPerS, capFixTime, battery, safeMinerKw, failSafeHold, designAmbientC,
                batteryFollowTime);
    }

    /** The rating in kW at the assumed power factor. */
    public double ratingKw() {
        return transformer.ratedKva() * powerFactor;
    }

    /** Transformer load in per unit of its rating for an import (either direction heats it). */
    public double loadPu(double importKw) {
        return Math.abs(importKw) / ratingKw();
    }
}
