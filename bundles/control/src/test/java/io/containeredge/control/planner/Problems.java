package io.containeredge.control.planner;

import io.containeredge.control.planner.ValueCurve.Segment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Small plan problems for the tests: hour slots starting at 0, built slot by slot. */
final class Problems {

    static final Duration HOUR = Duration.ofHours(1);
    static final ValueCurve NO_MINING = new ValueCurve(List.of());
    /** A 100 kWh battery, 10-90 %, 50 kW each way, lossless and free to cycle. */
    static final StorageModel BATTERY = new StorageModel(100, 10, 90, 50, 50, 1, 0);

    private final List<PlanSlotInput> slots = new ArrayList<>();
    private StorageModel storage = StorageModel.NONE;
    private double socNow = 50;
    private ValueCurve mining = NO_MINING;
    private double exportLimitKw;
    private double demandCharge;
    private double peakSoFar;

    static Problems hourly() {
        return new Problems();
    }

    /** One hour slot, its import and export price the same, mining up to the whole curve. */
    Problems slot(double usdPerMwh, double pvKw, double firmKw, double importCapKw) {
        return slot(usdPerMwh, usdPerMwh, pvKw, firmKw, importCapKw, Double.MAX_VALUE);
    }

    Problems slot(double importUsd, double exportUsd, double pvKw, double firmKw, double importCapKw,
            double miningMaxKw) {
        slots.add(new PlanSlotInput(slots.size() * HOUR.toMillis(), importUsd, exportUsd, pvKw, firmKw, importCapKw,
                Math.min(miningMaxKw, 1e6)));
        return this;
    }

    Problems battery(StorageModel battery, double socPctNow) {
        this.storage = battery;
        this.socNow = socPctNow;
        return this;
    }

    Problems mining(Segment... segments) {
        this.mining = new ValueCurve(List.of(segments));
        return this;
    }

    Problems export(double limitKw) {
        this.exportLimitKw = limitKw;
        return this;
    }

    Problems demandCharge(double usdPerKw, double peakSoFarKw) {
        this.demandCharge = usdPerKw;
        this.peakSoFar = peakSoFarKw;
        return this;
    }

    PlanProblem build() {
        return new PlanProblem(slots, HOUR, socNow, storage, mining, exportLimitKw, demandCharge, peakSoFar);
    }

    static Plan solve(PlanProblem problem) throws PlanException {
        return new PlanSolver(Duration.ofSeconds(10)).solve(problem, java.util.Optional.empty());
    }
}
