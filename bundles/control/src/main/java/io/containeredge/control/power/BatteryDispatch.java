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
final class BatteryDispatch {

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

    static BatteryCommand decide(PowerInputs p, BatteryLimits b, double loadKw, double allowedKw, String allowedWhy,
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
            double kw = Math.min(b.maxDischargeKw(), excess);
            return new BatteryCommand(kw, "discharging " + kw(kw) + " kW: load " + kw(loadKw) + " kW over "
                    + allowedWhy + " by " + kw(excess) + " kW");
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

    static String kw(double v) {
        return String.valueOf(Math.round(v));
    }
}
