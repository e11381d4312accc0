package io.containeredge.site.api;

/**
 * The container's thermal and power limits, used by the control guards.
 *
 * @param minFlowM3h coolant flow below which the thermal guard trips; {@link #NO_FLOW_LIMIT} only for a site
 *     whose CDUs report no flow (the loader refuses a site that leaves it out while a CDU reports flow)
 */
public record Limits(
        double coolantSupplyWarningC,
        double coolantSupplyTripC,
        double coolantSupplyLowC,
        double minFlowM3h,
        double transformerRatingKva,
        double importCapKw,
        double hotSpotLimitC,
        double hotSpotEmergencyC) {

    /** The minimum flow of a site without one: no low-flow trip, allowed only when no CDU reports flow. */
    public static final double NO_FLOW_LIMIT = 0;

    public boolean hasFlowLimit() {
        return minFlowM3h > NO_FLOW_LIMIT;
    }
}
