package io.containeredge.control.scenario;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.Verdict;

/**
 * One cycle as the loop saw and decided it: the import, the miners' draw and the battery's state of charge
 * as they were when it read them, and the status it left.
 */
public record Cycle(long millis, double importKw, double minerKw, double socPct, ControlStatus status) {

    /** Seconds after the start. */
    public double seconds() {
        return (millis - Scenario.T0) / 1000.0;
    }

    public Verdict verdict(String guard) {
        return status.verdicts().stream().filter(v -> v.guard().equals(guard)).findFirst().orElseThrow();
    }

    /** The power guard's limit on the miners. */
    public double minerLimitKw() {
        return verdict("power").maxMinerKw();
    }

    public double batterySetpointKw() {
        return status.batterySetpointKw();
    }

    public double allowedKw() {
        return status.allowedImportKw();
    }

    /** The condition with this id present in the cycle, or null. */
    public AlarmCondition condition(String id) {
        return status.conditions().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    public boolean alarmed(String id) {
        return condition(id) != null;
    }
}
