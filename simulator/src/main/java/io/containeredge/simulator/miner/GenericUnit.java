package io.containeredge.simulator.miner;

/**
 * The simulator's unit for a miner whose site names no model (S19 XP Hyd class): 110 TH/s at its rated
 * power, hashrate scaling with power to the 0.9 (underclocked chips are a little more efficient), power
 * targets from 30 to 110 % of rated. No spread: every such unit is the same.
 */
public record GenericUnit(double ratedPowerW) implements HashingUnit {

    /** TH/s at rated power. */
    static final double RATED_HASH_THS = 110;
    static final String TYPE = "Antminer S19 XP Hyd.";

    @Override
    public double hashrateThAt(double powerW) {
        return RATED_HASH_THS * Math.pow(powerW / ratedPowerW, 0.9);
    }

    @Override
    public double minTargetW() {
        return 0.3 * ratedPowerW;
    }

    @Override
    public double maxTargetW() {
        return 1.1 * ratedPowerW;
    }

    @Override
    public int deadBoards() {
        return 0;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
