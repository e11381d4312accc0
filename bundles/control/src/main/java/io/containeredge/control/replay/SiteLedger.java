package io.containeredge.control.replay;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.Reading;
import io.containeredge.control.power.BatteryCommand;
import io.containeredge.control.power.BatteryDispatch;
import io.containeredge.control.power.BatteryLimits;
import io.containeredge.control.power.BatteryTarget;
import io.containeredge.control.power.PowerInputs;
import io.containeredge.site.api.PlannerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The site's meter slot by slot: the miners' mean draw in the slot (from the replay), the firm load and the PV plant
 * give the load without the battery; the battery does what the power guard's {@link BatteryDispatch} decides on that
 * load (idle, today's rules, or the plan's target within them), bounded by its state of charge; what is left is
 * imported, or exported up to the export limit, the rest of the PV curtailed.
 *
 * <p>The battery is decided once per slot on the slot's mean load, as if the guard saw the whole slot at once: the
 * guard's cycle-by-cycle reaction within a slot (its ramps, load noise) is not modelled.
 */
final class SiteLedger {

    private static final String SOURCE = "replay";
    private static final double KW_PER_MW = 1000;
    private static final double PCT = 100;
    private final SiteEnergy site;
    private final Optional<PlannerSettings.Storage> battery;
    /** The power guard's limits as the gateway builds them from the inverter's rates (reserve, target, margin). */
    private final BatteryLimits limits;
    private final double exportLimitKw;
    private final Consumer<MeterSlot> slots;
    private double socPct;
    private double lastSetpointKw;
    private double importMwh;
    private double importCostUsd;
    private double exportMwh;
    private double exportUsd;
    private double pvUsedMwh;
    private double pvCurtailedMwh;
    private double throughputMwh;
    private double maxImportKw;

    /**
     * @param useBattery false: the battery stays idle (strategies without battery planning)
     * @param slots told each slot's figures
     */
    SiteLedger(SiteEnergy site, boolean useBattery, Consumer<MeterSlot> slots) {
        this.site = site;
        this.slots = slots;
        this.battery = useBattery ? site.planner().battery() : Optional.empty();
        this.limits = battery.map(b -> BatteryLimits.of(Math.min(b.maxChargeKw(), b.maxDischargeKw())))
                .orElse(BatteryLimits.none());
        this.exportLimitKw = site.planner().export().limitKw();
        this.socPct = site.socStartPct();
    }

    /** The battery's state of charge now. */
    double socPct() {
        return socPct;
    }

    /**
     * One slot done.
     *
     * @param miningKw the miners' mean draw over the slot
     * @param marketUsdPerMwh the slot's market price (what export at the market earns)
     * @param importUsdPerMwh what importing costs in the slot (the tariff on the market)
     * @param plan what the plan asked of the battery in the slot; null for the rule-based battery
     */
    void slot(long startMillis, double hours, double miningKw, double marketUsdPerMwh, double importUsdPerMwh,
            BatteryTarget plan) {
        double pvKw = site.pvKw().applyAsDouble(startMillis);
        double loadKw = site.planner().firmLoadKw() + miningKw - pvKw;
        double batteryKw = battery(loadKw, hours, plan);
        double netKw = loadKw - batteryKw;
        double importKw = Math.max(0, netKw);
        double exportKw = Math.min(Math.max(0, -netKw), exportLimitKw);
        double curtailedKw = Math.min(pvKw, Math.max(0, -netKw) - exportKw);
        importMwh += importKw * hours / KW_PER_MW;
        importCostUsd += importKw * hours / KW_PER_MW * importUsdPerMwh;
        exportMwh += exportKw * hours / KW_PER_MW;
        exportUsd += exportKw * hours / KW_PER_MW * exportUsdPerMwh(marketUsdPerMwh);
        pvUsedMwh += (pvKw - curtailedKw) * hours / KW_PER_MW;
        pvCurtailedMwh += curtailedKw * hours / KW_PER_MW;
        maxImportKw = Math.max(maxImportKw, importKw);
        slots.accept(new MeterSlot(startMillis, miningKw, importKw, exportKw, batteryKw, socPct, pvKw - curtailedKw,
                curtailedKw));
    }

    /** The battery's power to the bus over the slot (+ discharge), its state of charge moved on. */
    private double battery(double loadKw, double hours, BatteryTarget plan) {
        if (battery.isEmpty()) {
            return 0;
        }
        PlannerSettings.Storage b = battery.get();
        PowerInputs readings = new PowerInputs(Reading.of(loadKw - lastSetpointKw, SOURCE), null, null, null,
                Reading.of(socPct, SOURCE), Reading.of(lastSetpointKw, SOURCE), null, null);
        List<AlarmCondition> alarms = new ArrayList<>();
        BatteryCommand command = BatteryDispatch.decide(readings, limits.withPlan(plan), loadKw, site.importCapKw(),
                "the import cap", lastSetpointKw, alarms);
        double eta = Math.sqrt(b.roundTripEfficiency());
        double kwhPerPct = b.capacityKwh() / PCT;
        double kw = command.setpointKw();
        if (kw > 0) {
            kw = Math.min(kw, Math.max(0, socPct - limits.reservePct()) * kwhPerPct * eta / hours);
            socPct -= kw * hours / eta / kwhPerPct;
        } else if (kw < 0) {
            double top = plan != null ? plan.maxSocPct() : limits.targetPct();
            kw = -Math.min(-kw, Math.max(0, top - socPct) * kwhPerPct / eta / hours);
            socPct -= kw * hours * eta / kwhPerPct;
        }
        lastSetpointKw = kw;
        throughputMwh += Math.abs(kw) * hours / KW_PER_MW;
        return kw;
    }

    private double exportUsdPerMwh(double marketUsdPerMwh) {
        PlannerSettings.Export export = site.planner().export();
        return switch (export.price()) {
            case ZERO -> 0;
            case FIXED -> export.usdPerMwh();
            case MARKET -> marketUsdPerMwh;
        };
    }

    SiteResult result(int plans, int planFailures, double solveSeconds) {
        double wear = battery.map(PlannerSettings.Storage::wearUsdPerMwh).orElse(0.0);
        double cycles = battery.map(b -> throughputMwh * KW_PER_MW / 2 / b.capacityKwh()).orElse(0.0);
        return new SiteResult(importMwh, importCostUsd, exportMwh, exportUsd, pvUsedMwh, pvCurtailedMwh,
                throughputMwh, throughputMwh * wear, cycles, maxImportKw, site.importCapKw(), plans, planFailures,
                solveSeconds);
    }
}
