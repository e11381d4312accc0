package io.containeredge.control.power;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.Reading;
import java.util.List;

/**
 * The battery's share of the power guard's decision, taken before the miners': it covers an import
 * above the allowed one as far as its power and reserve go, and recharges from headroom.
 *
 * <p>It works on the container's load without the battery ({@code import + battery output}), not on
 * the import: the import already contains the battery's present output, and deciding on it would make
 * the setpoint chase its own effect and oscillate.
 */
public final class BatteryDispatch {

    /** Charging starts this far under the target and runs up to it, so a SoC at the target does not flap. */
    static final double RESUME_BELOW_TARGET_PCT = 2;

    private BatteryDispatch() {
    }

    /**
     * The load without the battery. With the battery's power reading bad the guard assumes it delivers
     * what it was last told to discharge and will stop: the larger load, so miners cover the gap.
     */
    static double loadKw(PowerInputs p, double lastSetpointKw) {
        Reading kw = p.batteryKw();
        return p.importKw().value() + (kw.good() ? kw.value() : Math.max(0, lastSetpointKw));
    }

    /**
     * Limits how fast a new setpoint may raise the import (less discharge, more charge); lowering it
     * is immediate. The battery's power is read on another connection than the meter and a little
     * later, so an unlimited step would chase its own effect and flip between discharge and idle.
     * A stop (bad reading, reserve reached) is never delayed.
     */
    static BatteryCommand slew(BatteryCommand target, double lastSetpointKw, double maxStepKw) {
        double floor = lastSetpointKw - maxStepKw;
        if (target.setpointKw() >= floor || target.immediate() || !Double.isFinite(lastSetpointKw)) {
            return target;
        }
        return new BatteryCommand(floor, target.reason() + " (ramping from " + Math.round(lastSetpointKw) + " kW)");
    }

    public static BatteryCommand decide(PowerInputs p, BatteryLimits b, double loadKw, double allowedKw, String allowedWhy,
            double lastSetpointKw, List<AlarmCondition> alarms) {
        if (!b.present()) {
            // at once: a battery that just became unusable (limits unreadable, in maintenance) must not
            // be counted on while a ramp winds its last discharge down
            return BatteryCommand.stop("no usable battery (none configured, limits unreadable, or in maintenance)");
        }
        Reading soc = p.batterySocPct();
        Reading bad = !soc.good() ? soc : !p.batteryKw().good() ? p.batteryKw() : null;
        if (bad != null) {
            alarms.add(new AlarmCondition("power.battery-input-bad", Severity.WARNING, bad.source(),
                    "battery held idle, miners take the whole reduction: " + bad, Double.NaN));
            return BatteryCommand.stop("battery reading not good: " + bad);
        }
        double excess = loadKw - allowedKw;
        if (excess > 0) {
            if (soc.value() <= b.reservePct()) {
                return BatteryCommand.stop(soc + " % at or below reserve " + b.reservePct() + " %");
            }
            double kw = Math.min(b.maxDischargeKw(), Math.max(excess, plannedDischargeKw(b.plan(), loadKw)));
            return new BatteryCommand(kw, "discharging " + kw(kw) + " kW: load " + kw(loadKw) + " kW over "
                    + allowedWhy + " by " + kw(excess) + " kW");
        }
        if (b.plan() != null) {
            return follow(b, b.plan(), soc, loadKw, allowedKw - b.chargeMarginKw() - loadKw, allowedWhy);
        }
        double room = allowedKw - b.chargeMarginKw() - loadKw;
        double upTo = lastSetpointKw < 0 ? b.targetPct() : b.targetPct() - RESUME_BELOW_TARGET_PCT;
        if (room > 0 && soc.value() < upTo) {
            double kw = Math.min(b.maxChargeKw(), room);
            return new BatteryCommand(-kw, "charging " + kw(kw) + " kW to " + b.targetPct() + " %: " + soc
                    + ", headroom " + kw(room) + " kW under " + allowedWhy);
        }
        return BatteryCommand.idle("import within " + allowedWhy + ", " + soc + " %");
    }

    /**
     * The plan's setpoint within the guard's rules: charging only into the headroom under the allowed import and up
     * to the plan's window, discharging only above the reserve and never exporting more than the export limit.
     */
    private static BatteryCommand follow(BatteryLimits b, BatteryTarget plan, Reading soc, double loadKw, double room,
            String allowedWhy) {
        double planned = plan.setpointKw();
        String asked = plan.slot() + " asks " + kw(planned) + " kW";
        if (planned < 0) {
            if (soc.value() >= plan.maxSocPct()) {
                return BatteryCommand.idle(asked + ", " + soc + " % at its top " + plan.maxSocPct() + " %: idle");
            }
            double kw = Math.min(Math.min(b.maxChargeKw(), -planned), Math.max(0, room));
            return kw > 0 ? new BatteryCommand(-kw, "charging " + kw(kw) + " kW: " + asked
                    + (kw < -planned ? ", headroom " + kw(room) + " kW under " + allowedWhy : ""))
                    : BatteryCommand.idle(asked + ": no headroom under " + allowedWhy);
        }
        if (planned > 0) {
            if (soc.value() <= b.reservePct()) {
                return BatteryCommand.stop(asked + ", " + soc + " % at or below reserve " + b.reservePct() + " %");
            }
            double kw = Math.min(b.maxDischargeKw(), plannedDischargeKw(plan, loadKw));
            return kw > 0 ? new BatteryCommand(kw, "discharging " + kw(kw) + " kW: " + asked
                    + (kw < planned ? ", export limited to " + kw(plan.exportLimitKw()) + " kW" : ""))
                    : BatteryCommand.idle(asked + ": the load " + kw(loadKw) + " kW and the export limit "
                            + kw(plan.exportLimitKw()) + " kW leave nothing to discharge into");
        }
        return BatteryCommand.idle(asked + ", " + soc + " %");
    }

    /** The plan's discharge, never more than the load plus what may be exported; 0 without a plan. */
    private static double plannedDischargeKw(BatteryTarget plan, double loadKw) {
        return plan == null ? 0 : Math.max(0, Math.min(plan.setpointKw(), loadKw + plan.exportLimitKw()));
    }

    static String kw(double v) {
        return String.valueOf(Math.round(v));
    }
}
