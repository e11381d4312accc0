package io.containeredge.control.planner;

/**
 * What the plan does in one slot, in kW over the slot, and what that earns or costs in USD over the slot.
 *
 * @param importKw drawn from the grid
 * @param exportKw fed into the grid
 * @param chargeKw into the battery, at its terminals
 * @param dischargeKw out of the battery, at its terminals
 * @param socPctEnd the battery's state of charge at the slot's end
 * @param miningKw the miners together
 * @param pvUsedKw PV power taken
 * @param pvCurtailedKw PV power left unused
 * @param energyValueUsdPerMwh the marginal value of energy to mining in this slot
 *     ({@link ValueCurve#marginalUsdPerMwh}): the price at which economics runs the miners the plan runs
 * @param miningUsd mining revenue (before energy)
 * @param exportUsd export earnings, at the slot's export price capped at its import price
 * @param importUsd import cost
 * @param wearUsd battery ageing
 */
public record PlannedSlot(long startMillis, double importKw, double exportKw, double chargeKw, double dischargeKw,
        double socPctEnd, double miningKw, double pvUsedKw, double pvCurtailedKw, double energyValueUsdPerMwh,
        double miningUsd, double exportUsd, double importUsd, double wearUsd) {

    /** The battery's power to the bus: positive discharging, negative charging. */
    public double batteryKw() {
        return dischargeKw - chargeKw;
    }

    /** What the slot nets: mining and export less import and wear (the demand charge is the plan's). */
    public double netUsd() {
        return miningUsd + exportUsd - importUsd - wearUsd;
    }
}
