package io.containeredge.control.efficiency;

import io.containeredge.control.miner.MinerStatus;
import io.containeredge.simulator.miner.ModelUnit;
import java.util.Random;

/**
 * One of the simulator's units as its polls show it: power at its target within 0.5 %, and a one-minute hashrate
 * average that, for a minute after a target change, still holds part of the old rate (the learner must wait for it),
 * with 0.5 % noise.
 */
final class SimulatedMiner {

    private final int index;
    private final ModelUnit unit;
    private final Random noise;
    private double targetW;
    private double previousThs;
    private long changedAtMillis;

    SimulatedMiner(int index, ModelUnit unit, long seed) {
        this.index = index;
        this.unit = unit;
        this.noise = new Random(seed);
        this.targetW = unit.ratedPowerW();
        this.previousThs = unit.hashrateThAt(targetW);
    }

    ModelUnit unit() {
        return unit;
    }

    void target(double watts, long atMillis) {
        previousThs = unit.hashrateThAt(targetW);
        targetW = watts;
        changedAtMillis = atMillis;
    }

    MinerStatus poll(long atMillis) {
        double newShare = Math.min(1, (atMillis - changedAtMillis) / (Polls.WINDOW_S * 1000));
        double average = previousThs * (1 - newShare) + unit.hashrateThAt(targetW) * newShare;
        return Polls.hashing(index, targetW, targetW * (1 + 0.005 * noise.nextGaussian()),
                average * (1 + 0.005 * noise.nextGaussian()), atMillis);
    }
}
