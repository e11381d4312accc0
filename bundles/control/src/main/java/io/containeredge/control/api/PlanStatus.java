package io.containeredge.control.api;

import java.util.List;

/**
 * The storage and mining plan as the controller holds it, for people (the API, the console) and the cloud: the
 * next 48 hours in 15-minute slots (what the battery, the miners and the grid connection are planned to do, at
 * which prices and with which forecast generation), what the plan is worth, and what the controller does now
 * compared with the plan's current slot.
 *
 * @param timestampMillis wall-clock time of the control cycle it describes
 * @param state FOLLOWING (a plan solved in time is followed), FALLBACK (no usable plan: the rule-based battery of
 *     the power guard runs and an alarm says why) or WAITING (before the first solve)
 * @param reason why the state is what it is, with its numbers
 * @param solvedAtMillis when the plan in force was solved (wall clock), 0 before the first
 * @param solveMillis how long that solve took
 * @param trigger what made the planner solve it ("every 5 min", "new prices", "forecast error 180 kW", ...)
 * @param totals the plan's objective over its horizon, by term
 * @param slots the plan's slots from the current one on; empty while there is no plan
 * @param now the current slot as planned against what the controller does this cycle
 */
public record PlanStatus(long timestampMillis, String state, String reason, long solvedAtMillis, double solveMillis,
        String trigger, Terms totals, List<Slot> slots, Now now) {

    public static final String FOLLOWING = "FOLLOWING";
    public static final String FALLBACK = "FALLBACK";
    public static final String WAITING = "WAITING";

    public PlanStatus {
        slots = List.copyOf(slots);
    }

    /**
     * What a slot or the whole plan earns and costs, USD: the objective is {@link #objectiveUsd}.
     *
     * @param miningUsd mining revenue (hashprice net of pool fee)
     * @param exportUsd revenue of energy sold back
     * @param importUsd cost of energy imported
     * @param wearUsd battery wear, priced per MWh of throughput
     * @param demandUsd the demand charge on the plan's peak import (the month's charge prorated to the horizon)
     */
    public record Terms(double miningUsd, double exportUsd, double importUsd, double wearUsd, double demandUsd) {

        public static final Terms ZERO = new Terms(0, 0, 0, 0, 0);

        public double objectiveUsd() {
            return miningUsd + exportUsd - importUsd - wearUsd - demandUsd;
        }
    }

    /**
     * One planned 15-minute slot. Powers in kW, averages over the slot.
     *
     * @param startMillis wall-clock start
     * @param importUsdPerMwh what importing costs in the slot (live, forecast or tariff price)
     * @param exportUsdPerMwh what exporting earns in the slot
     * @param pvForecastKw the generation forecast
     * @param pvCurtailedKw generation the plan leaves unused
     * @param batteryKw the battery setpoint: + discharges, - charges
     * @param socPct the state of charge planned at the slot's end
     * @param miningKw the mining power planned
     * @param firmKw the firm load (auxiliaries; AI/HPC floors later) assumed
     * @param importKw planned import from the grid
     * @param exportKw planned export to the grid
     * @param importCapKw the import the slot may not exceed: import cap, transformer rating derated for the forecast
     *     ambient
     * @param energyValueUsdPerMwh what one more MWh in this slot is worth to the plan (its marginal value)
     * @param terms what the slot earns and costs
     */
    public record Slot(long startMillis, double importUsdPerMwh, double exportUsdPerMwh, double pvForecastKw,
            double pvCurtailedKw, double batteryKw, double socPct, double miningKw, double firmKw, double importKw,
            double exportKw, double importCapKw, double energyValueUsdPerMwh, Terms terms) {
    }

    /**
     * The current slot as planned against this control cycle. NaN where a reading is not good.
     *
     * @param plannedMiningKw the plan's mining power for the slot
     * @param miningKw what the miners draw
     * @param plannedBatteryKw the plan's battery setpoint for the slot (+ discharge)
     * @param batteryKw the setpoint the power guard commands this cycle: the plan's, unless a hard limit or the
     *     battery's state needs another
     * @param batteryReason why the guard commands that
     * @param plannedSocPct the state of charge planned at the slot's end
     * @param socPct the battery's state of charge now
     * @param plannedImportKw the plan's import for the slot
     * @param importKw the import now
     * @param pvForecastKw the forecast generation for the slot
     * @param pvKw the generation now
     */
    public record Now(double plannedMiningKw, double miningKw, double plannedBatteryKw, double batteryKw,
            String batteryReason, double plannedSocPct, double socPct, double plannedImportKw, double importKw,
            double pvForecastKw, double pvKw) {
    }
}
