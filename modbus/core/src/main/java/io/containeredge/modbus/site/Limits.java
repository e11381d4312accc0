package io.containeredge.modbus.site;

/** The container's thermal and power limits, used by the control guards. */
public record Limits(
        double coolantSupplyWarningC,
        double coolantSupplyTripC,
        double coolantSupplyLowC,
        double minFlowM3h,
        double transformerRatingKva,
        double importCapKw,
        double hotSpotLimitC,
        double hotSpotEmergencyC) {
}
