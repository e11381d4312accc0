package io.containeredge.control.planner;

/**
 * The site's battery as the planner models it.
 *
 * @param capacityKwh usable energy between 0 and 100 % state of charge; 0 for no battery
 * @param minSocPct the lowest state of charge the plan may reach: the caller already took the larger of the
 *     window's minimum and the power guard's reserve
 * @param maxSocPct the highest state of charge the plan may reach
 * @param maxChargeKw the most it takes from the site's bus
 * @param maxDischargeKw the most it gives to the site's bus
 * @param roundTripEfficiency energy out over energy in, (0, 1]; split evenly (square root) between charge and
 *     discharge
 * @param wearUsdPerMwh what a MWh through the battery's terminals (charged or discharged) costs in ageing
 */
public record StorageModel(double capacityKwh, double minSocPct, double maxSocPct, double maxChargeKw,
        double maxDischargeKw, double roundTripEfficiency, double wearUsdPerMwh) {

    /** No battery: nothing to charge or discharge. */
    public static final StorageModel NONE = new StorageModel(0, 0, 100, 0, 0, 1, 0);

    public StorageModel {
        if (!(capacityKwh >= 0) || !(maxChargeKw >= 0) || !(maxDischargeKw >= 0) || !(wearUsdPerMwh >= 0)
                || Double.isInfinite(capacityKwh + maxChargeKw + maxDischargeKw + wearUsdPerMwh)) {
            throw new IllegalArgumentException("battery of " + capacityKwh + " kWh, " + maxChargeKw + " kW charge, "
                    + maxDischargeKw + " kW discharge and wear " + wearUsdPerMwh
                    + " USD/MWh: each must be finite and 0 or more");
        }
        if (!(minSocPct >= 0) || !(minSocPct <= maxSocPct) || !(maxSocPct <= 100)) {
            throw new IllegalArgumentException("battery window " + minSocPct + " to " + maxSocPct
                    + " %: must satisfy 0 <= minimum <= maximum <= 100");
        }
        if (!(roundTripEfficiency > 0 && roundTripEfficiency <= 1)) {
            throw new IllegalArgumentException("battery round-trip efficiency " + roundTripEfficiency
                    + ": must be above 0 and at most 1");
        }
    }

    /** Whether there is a battery to plan at all. */
    public boolean present() {
        return capacityKwh > 0 && (maxChargeKw > 0 || maxDischargeKw > 0);
    }

    /** Share of the charging power stored, and of the stored energy delivered when discharging. */
    public double oneWayEfficiency() {
        return Math.sqrt(roundTripEfficiency);
    }
}
