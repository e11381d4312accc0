package io.containeredge.control.planner;

/**
 * What the planner knows of one slot ahead: its prices, forecast PV and firm load, and the limits that hold in it.
 *
 * @param startMillis the slot's wall-clock start
 * @param importUsdPerMwh what a MWh drawn from the grid costs (may be negative)
 * @param exportUsdPerMwh what a MWh fed into the grid earns
 * @param pvKw forecast PV power available (may be curtailed)
 * @param firmKw load that runs whatever the plan (cooling, auxiliaries, miners the planner may not touch)
 * @param importCapKw the most the site may draw, already derated by the caller
 * @param miningMaxKw the most the miners may draw together in the slot
 */
public record PlanSlotInput(long startMillis, double importUsdPerMwh, double exportUsdPerMwh, double pvKw,
        double firmKw, double importCapKw, double miningMaxKw) {

    public PlanSlotInput {
        if (!Double.isFinite(importUsdPerMwh) || !Double.isFinite(exportUsdPerMwh)) {
            throw new IllegalArgumentException("slot at " + startMillis + ": prices must be numbers, got import "
                    + importUsdPerMwh + " and export " + exportUsdPerMwh + " USD/MWh");
        }
        if (!(pvKw >= 0) || !(firmKw >= 0) || !(importCapKw >= 0) || !(miningMaxKw >= 0)
                || Double.isInfinite(pvKw + firmKw + importCapKw + miningMaxKw)) {
            throw new IllegalArgumentException("slot at " + startMillis + ": PV " + pvKw + ", firm load " + firmKw
                    + ", import cap " + importCapKw + " and mining maximum " + miningMaxKw
                    + " kW must be finite and 0 or more");
        }
    }

    /**
     * The export price the plan counts: never more than the import price less {@link #NETTING_USD_PER_MWH}. A meter
     * nets import against export within a slot, so drawing and feeding at once must never pay, nor tie: at equal
     * prices a plan importing 1,200 kW while exporting 140 kW would be as good as one importing 1,060 kW, and people
     * would be shown the first.
     */
    public double netExportUsdPerMwh() {
        return Math.min(exportUsdPerMwh, importUsdPerMwh - NETTING_USD_PER_MWH);
    }

    /** A cent per MWh: enough to break the tie, too little to change any real decision. */
    public static final double NETTING_USD_PER_MWH = 0.01;
}
