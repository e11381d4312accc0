package io.containeredge.control.planner;

import java.time.Duration;
import java.util.List;

/**
 * Everything one solve needs.
 *
 * @param slots the slots ahead, in time order, each {@code slotLength} long
 * @param socPctNow the battery's state of charge at the first slot's start (ignored without a battery)
 * @param mining what the fleet earns by mining power
 * @param exportLimitKw the most the site may feed into the grid (0: no export)
 * @param demandChargeUsdPerKw what each kW of the billing period's peak import costs
 * @param peakImportSoFarKw the billing period's peak import until now: only a higher peak costs more
 * @param storedUsdPerMwh what a MWh left in the battery at the horizon's end is worth (0: nothing). Without it a
 *     rolling plan sees no use for energy beyond its horizon and empties the battery whenever selling pays a cent
 *     over wear, however flat the prices; {@link PlanProblems} values it at what it would displace later
 */
public record PlanProblem(List<PlanSlotInput> slots, Duration slotLength, double socPctNow, StorageModel storage,
        ValueCurve mining, double exportLimitKw, double demandChargeUsdPerKw, double peakImportSoFarKw,
        double storedUsdPerMwh) {

    private static final double SECONDS_PER_HOUR = 3600;

    public PlanProblem {
        slots = List.copyOf(slots);
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one slot");
        }
        if (slotLength.isNegative() || slotLength.isZero()) {
            throw new IllegalArgumentException("slot length " + slotLength + " must be positive");
        }
        if (!(socPctNow >= 0 && socPctNow <= 100)) {
            throw new IllegalArgumentException("state of charge now " + socPctNow + " % must be from 0 to 100");
        }
        if (!(storedUsdPerMwh >= 0) || Double.isInfinite(storedUsdPerMwh)) {
            throw new IllegalArgumentException("the stored energy's value " + storedUsdPerMwh
                    + " USD/MWh must be finite and 0 or more");
        }
        if (!(exportLimitKw >= 0) || !(demandChargeUsdPerKw >= 0) || !(peakImportSoFarKw >= 0)
                || Double.isInfinite(exportLimitKw + demandChargeUsdPerKw + peakImportSoFarKw)) {
            throw new IllegalArgumentException("export limit " + exportLimitKw + " kW, demand charge "
                    + demandChargeUsdPerKw + " USD/kW and peak so far " + peakImportSoFarKw
                    + " kW must be finite and 0 or more");
        }
    }

    /** A problem whose battery's energy is worth nothing after the horizon. */
    public PlanProblem(List<PlanSlotInput> slots, Duration slotLength, double socPctNow, StorageModel storage,
            ValueCurve mining, double exportLimitKw, double demandChargeUsdPerKw, double peakImportSoFarKw) {
        this(slots, slotLength, socPctNow, storage, mining, exportLimitKw, demandChargeUsdPerKw, peakImportSoFarKw, 0);
    }

    /** A slot's length in hours. */
    public double slotHours() {
        return slotLength.toMillis() / 1000.0 / SECONDS_PER_HOUR;
    }
}
