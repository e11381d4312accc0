package io.containeredge.simulator.miner;

import io.containeredge.site.api.MinerCurve;
import io.containeredge.site.api.MinerModel;

/**
 * One unit of a miner model: the model's curve times this unit's own factor (its spread, and a dead
 * hashboard for a degraded unit), the model's power-target range.
 *
 * @param curve the model's curve scaled by this unit's factor
 */
public record ModelUnit(MinerModel model, MinerCurve curve, int deadBoards) implements HashingUnit {

    /** A unit hashing {@code factor} times its model's curve. */
    public static ModelUnit of(MinerModel model, double factor, int deadBoards) {
        return new ModelUnit(model, model.curve().scaledHashrate(factor), deadBoards);
    }

    /**
     * On the curve within it; below its lowest point (the seconds of a wake-up or cold-boot ramp) in
     * proportion to power, as chains come up one after another; at most the highest point's hashrate.
     */
    @Override
    public double hashrateThAt(double powerW) {
        if (powerW < curve.minPowerW()) {
            return curve.hashrateThAt(curve.minPowerW()) * powerW / curve.minPowerW();
        }
        return curve.hashrateThAt(Math.min(powerW, curve.maxPowerW()));
    }

    @Override
    public double ratedPowerW() {
        return model.nominalPowerW();
    }

    @Override
    public double minTargetW() {
        return model.minPowerW();
    }

    @Override
    public double maxTargetW() {
        return model.maxPowerW();
    }

    @Override
    public String type() {
        return model.name();
    }
}
