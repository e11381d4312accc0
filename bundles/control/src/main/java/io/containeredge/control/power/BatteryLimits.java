package io.containeredge.control.power;

import io.containeredge.site.api.PlannerSettings;

/**
 * How the power guard may use the battery. A site without a battery has zero power both ways, and
 * the guard then neither commands it nor alarms about its readings.
 *
 * @param maxChargeKw most the guard asks it to charge at
 * @param maxDischargeKw most the guard asks it to discharge at
 * @param reservePct state of charge kept back: no discharge at or below it
 * @param targetPct recharge from import headroom up to this state of charge
 * @param chargeMarginKw headroom left unused below the allowed import while charging, so that
 *     ordinary load noise does not push the import over its limit
 * @param plan what the plan asks this slot, or null: without one the guard recharges to {@code targetPct}
 */
public record BatteryLimits(double maxChargeKw, double maxDischargeKw, double reservePct, double targetPct,
        double chargeMarginKw, BatteryTarget plan) {

    /** The state of charge the guard keeps back whatever a plan asks. */
    public static final double RESERVE_PCT = PlannerSettings.Storage.GUARD_RESERVE_PCT;

    public BatteryLimits {
        if (!(maxChargeKw >= 0) || !(maxDischargeKw >= 0) || !(chargeMarginKw >= 0)
                || !(reservePct >= 0 && reservePct <= targetPct && targetPct <= 100)) {
            throw new IllegalArgumentException("battery limits need powers >= 0 and 0 <= reserve <= target <= 100: " + this);
        }
    }

    /** Without a plan. */
    public BatteryLimits(double maxChargeKw, double maxDischargeKw, double reservePct, double targetPct,
            double chargeMarginKw) {
        this(maxChargeKw, maxDischargeKw, reservePct, targetPct, chargeMarginKw, null);
    }

    /** 20 % reserve, recharge to 80 %, 50 kW margin. */
    public static BatteryLimits of(double maxKw) {
        return new BatteryLimits(maxKw, maxKw, RESERVE_PCT, 80, 50);
    }

    public static BatteryLimits none() {
        return new BatteryLimits(0, 0, 0, 0, 0);
    }

    /** The same limits, the battery following {@code target} (null: the rule-based recharge again). */
    public BatteryLimits withPlan(BatteryTarget target) {
        return new BatteryLimits(maxChargeKw, maxDischargeKw, reservePct, targetPct, chargeMarginKw, target);
    }

    public boolean present() {
        return maxChargeKw > 0 || maxDischargeKw > 0;
    }
}
