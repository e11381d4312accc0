package io.containeredge.control.allocation;

/**
 * What economics says of one miner: the allocator's order within a priority group (curtail the lowest value
 * per kW first, restore the highest first) and the power it earns most at.
 *
 * @param valuePerKw what one kW of this miner earns, USD/h per kW; equal for all when economics is off
 * @param stepW the power it earns most at (0: asleep); {@link Double#POSITIVE_INFINITY} when economics has no
 *     step for it, so nothing but the limits holds it below its rating
 */
public record MinerValue(double valuePerKw, double stepW) {

    /** Economics off: every miner alike (priority, then index, as always), none held below its rating. */
    public static final MinerValue NONE = new MinerValue(0, Double.POSITIVE_INFINITY);

    /** Economics has no numbers for this miner: it is curtailed last in its group and never for economic reasons. */
    public static final MinerValue UNPRICED = new MinerValue(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);

    /** Economics would rather have it asleep. */
    public boolean sleeps() {
        return stepW <= 0;
    }
}
