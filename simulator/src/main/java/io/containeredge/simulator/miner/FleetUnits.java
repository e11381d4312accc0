package io.containeredge.simulator.miner;

import io.containeredge.site.api.MinerFleetConfig;
import io.containeredge.site.api.MinerSpread;
import java.util.SplittableRandom;

/**
 * The hashing unit of every miner of a site: a unit of its model with that unit's spread and, for the
 * degraded ones, a dead hashboard; the generic unit for a miner of no model. A unit's spread depends only
 * on the spread seed and its index, not on the simulator's seed or on the other miners, so a unit keeps its
 * efficiency across runs and when the fleet grows.
 */
public final class FleetUnits {

    /** Spreads the per-index seeds over the generator's state (the golden-ratio increment). */
    private static final long SEED_MIX = 0x9E3779B97F4A7C15L;

    private FleetUnits() {
    }

    public static HashingUnit of(MinerFleetConfig fleet, MinerSpread spread, int index) {
        return fleet.modelOf(index)
                .<HashingUnit>map(model -> ModelUnit.of(model, factor(spread, index), spread.degraded(index) ? 1 : 0))
                .orElseGet(() -> new GenericUnit(fleet.ratedPowerWOf(index)));
    }

    /** This unit's hashrate relative to its model's curve. */
    static double factor(MinerSpread spread, int index) {
        double u = new SplittableRandom(spread.seed() * SEED_MIX + index).nextDouble(-1, 1);
        double own = 1 + u * spread.spreadPct() / 100;
        return spread.degraded(index) ? own * (1 - spread.degradedLossPct() / 100) : own;
    }
}
