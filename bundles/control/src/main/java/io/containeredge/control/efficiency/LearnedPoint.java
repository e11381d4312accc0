package io.containeredge.control.efficiency;

/**
 * What one miner hashes at one of its power steps, learned from its settled samples: the running means of the
 * power it drew and the hashrate it averaged. After {@link #MAX_WEIGHT} samples each new one counts as that
 * many-th, so a unit that changes (a board that dies) moves its point within about that many samples instead of
 * never.
 *
 * @param stepW the power target the samples were taken at, on its model's step grid
 * @param samples how many settled samples it is made of
 * @param powerW mean power drawn, W
 * @param hashrateTh mean hashrate, TH/s
 */
public record LearnedPoint(double stepW, long samples, double powerW, double hashrateTh) {

    static final long MAX_WEIGHT = 1000;

    static LearnedPoint first(double stepW, double powerW, double hashrateTh) {
        return new LearnedPoint(stepW, 1, powerW, hashrateTh);
    }

    LearnedPoint plus(double samplePowerW, double sampleHashrateTh) {
        long n = samples + 1;
        double weight = Math.min(n, MAX_WEIGHT);
        return new LearnedPoint(stepW, n, powerW + (samplePowerW - powerW) / weight,
                hashrateTh + (sampleHashrateTh - hashrateTh) / weight);
    }
}
