package io.containeredge.control.power;

/**
 * What the plan asks of the battery in the current slot. The power guard follows it only as far as its own rules
 * allow: an import above the allowed one is still covered first, charging uses only the headroom under the allowed
 * import, discharge stops at the reserve and never exports more than the export limit.
 *
 * @param setpointKw + discharge, - charge, 0 idle
 * @param maxSocPct charging stops at this state of charge (the plan's window)
 * @param exportLimitKw how far discharge may push the import below zero
 * @param slot which plan slot asks it, for people ("plan slot 14:15")
 */
public record BatteryTarget(double setpointKw, double maxSocPct, double exportLimitKw, String slot) {

    public BatteryTarget {
        if (!Double.isFinite(setpointKw) || !(maxSocPct >= 0 && maxSocPct <= 100) || !(exportLimitKw >= 0)) {
            throw new IllegalArgumentException("a battery target needs a finite setpoint, a SoC of 0 to 100 % and an"
                    + " export limit >= 0: " + this);
        }
    }
}
