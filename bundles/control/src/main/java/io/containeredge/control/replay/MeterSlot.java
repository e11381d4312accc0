package io.containeredge.control.replay;

/**
 * The site's meter over one price slot of a replay, in kW means over the slot.
 *
 * @param batteryKw the battery's power to the bus: positive discharging, negative charging
 * @param socPctEnd the battery's state of charge at the slot's end
 */
public record MeterSlot(long startMillis, double miningKw, double importKw, double exportKw, double batteryKw,
        double socPctEnd, double pvUsedKw, double pvCurtailedKw) {
}
