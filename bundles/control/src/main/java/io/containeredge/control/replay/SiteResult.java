package io.containeredge.control.replay;

/**
 * What the site around the miners added up to over a replay: the meter's import and export, the PV plant, the battery.
 * Slot means: a slot's import is its energy over its length, as a meter bills it.
 *
 * @param importMwh drawn from the grid
 * @param importCostUsd each slot's import times its import price
 * @param exportMwh fed into the grid
 * @param exportUsd each slot's export times its export price
 * @param pvUsedMwh PV energy taken (by the load, the battery or the export)
 * @param pvCurtailedMwh PV energy left unused: beyond the load, the battery and the export limit
 * @param throughputMwh energy through the battery's terminals, charged plus discharged
 * @param wearUsd the battery's ageing: throughput times its wear cost
 * @param cycles full cycles: throughput over twice the capacity; 0 without a battery
 * @param maxImportKw the highest slot import
 * @param importCapKw the cap it is held against; infinite for none
 * @param plans solves the plan strategy ran (0 for the others)
 * @param planFailures of those, the ones that gave no plan (the rule-based battery ran until the next)
 * @param solveSeconds the solves' wall time together
 */
public record SiteResult(double importMwh, double importCostUsd, double exportMwh, double exportUsd, double pvUsedMwh,
        double pvCurtailedMwh, double throughputMwh, double wearUsd, double cycles, double maxImportKw,
        double importCapKw, int plans, int planFailures, double solveSeconds) {
}
