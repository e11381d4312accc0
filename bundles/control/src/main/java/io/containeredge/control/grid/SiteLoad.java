package io.containeredge.control.grid;

import io.containeredge.control.limit.OtherLoad;

/**
 * The container's load as one cycle sees it, for the events and peak windows that limit its import.
 *
 * @param importKw the import meter's reading
 * @param good whether that reading is good
 * @param otherKw what the container draws besides its controllable loads (auxiliaries, battery, less PV): import less
 *     what the loads draw; the last good estimate when the reading is not good
 * @param floorKw the controllable loads' firm floors (AI tenants' contracts), which no event cuts
 */
public record SiteLoad(double importKw, boolean good, double otherKw, double floorKw) {

    /** The most the controllable loads may draw for the import to stay at {@code importLimitKw}. */
    public double loadLimitKw(double importLimitKw) {
        return OtherLoad.loadLimitKw(importLimitKw, otherKw);
    }

    /** The lowest import the container can hold without cutting a firm floor. */
    public double lowestImportKw() {
        return otherKw + floorKw;
    }
}
