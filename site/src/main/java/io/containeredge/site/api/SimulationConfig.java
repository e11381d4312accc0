package io.containeredge.site.api;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Settings only the container simulator reads: the world the simulated container lives in.
 *
 * @param minerSleepSeconds how long every miner takes to go to sleep, overriding its model's time; empty =
 *     the model's, or {@link #DEFAULT_SLEEP_SECONDS} for a miner of no model
 * @param minerWakeSeconds the same for waking up ({@link #DEFAULT_WAKE_SECONDS})
 * @param minerSpread how the simulated units of a model differ from its curve
 * @param pv the PV plant behind the import meter ({@link PvPlantSettings#NONE}: none)
 */
public record SimulationConfig(
        double ambientC,
        OptionalDouble minerSleepSeconds,
        OptionalDouble minerWakeSeconds,
        double batteryCapacityKwh,
        double batteryInitialSocPct,
        double auxiliaryLoadKw,
        MinerSpread minerSpread,
        PvPlantSettings pv) {

    public static final double DEFAULT_SLEEP_SECONDS = 3;
    public static final double DEFAULT_WAKE_SECONDS = 8;

    /** No PV plant. */
    public SimulationConfig(double ambientC, OptionalDouble minerSleepSeconds, OptionalDouble minerWakeSeconds,
            double batteryCapacityKwh, double batteryInitialSocPct, double auxiliaryLoadKw, MinerSpread minerSpread) {
        this(ambientC, minerSleepSeconds, minerWakeSeconds, batteryCapacityKwh, batteryInitialSocPct, auxiliaryLoadKw,
                minerSpread, PvPlantSettings.NONE);
    }

    /** Sleep and wake times given for every miner, the default spread, no PV plant. */
    public SimulationConfig(double ambientC, double minerSleepSeconds, double minerWakeSeconds,
            double batteryCapacityKwh, double batteryInitialSocPct, double auxiliaryLoadKw) {
        this(ambientC, OptionalDouble.of(minerSleepSeconds), OptionalDouble.of(minerWakeSeconds), batteryCapacityKwh,
                batteryInitialSocPct, auxiliaryLoadKw, MinerSpread.DEFAULTS, PvPlantSettings.NONE);
    }

    /** How long a miner of {@code model} takes to go to sleep here. */
    public double sleepSecondsOf(Optional<MinerModel> model) {
        return minerSleepSeconds.orElseGet(() -> model.map(MinerModel::sleepSeconds).orElse(DEFAULT_SLEEP_SECONDS));
    }

    /** How long a miner of {@code model} takes to wake up here. */
    public double wakeSecondsOf(Optional<MinerModel> model) {
        return minerWakeSeconds.orElseGet(() -> model.map(MinerModel::wakeSeconds).orElse(DEFAULT_WAKE_SECONDS));
    }
}
