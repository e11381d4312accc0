package io.containeredge.site.api;

/** Settings only the container simulator reads: the world the simulated container lives in. */
public record SimulationConfig(
        double ambientC,
        double minerSleepSeconds,
        double minerWakeSeconds,
        double batteryCapacityKwh,
        double batteryInitialSocPct,
        double auxiliaryLoadKw) {
}
