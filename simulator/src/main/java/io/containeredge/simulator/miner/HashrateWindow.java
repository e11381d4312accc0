package io.containeredge.simulator.miner;

/**
 * A miner's hashrate averaged over the last minute, as firmwares report it ({@code GHS 1m}): a plain mean over a
 * sliding window of whole seconds, so one minute after a change it shows only the new rate. Until a minute has
 * passed since it started, the mean over the seconds it has.
 */
final class HashrateWindow {

    static final int SECONDS = 60;
    /** Ticks of 0.1 s do not add up to exactly 1 in binary: a second this close to whole is whole. */
    private static final double WHOLE = 1 - 1e-9;

    /** Terahashes done in each of the last {@link #SECONDS} whole seconds, a ring by second. */
    private final double[] hashedTh = new double[SECONDS];
    private double currentTh;
    private double currentS;
    private long completeSeconds;

    /** Adds {@code dt} seconds of hashing at {@code ths}. */
    void add(double ths, double dt) {
        double left = dt;
        while (currentS + left >= WHOLE) {
            double part = Math.min(left, 1 - currentS);
            hashedTh[(int) (completeSeconds % SECONDS)] = currentTh + ths * part;
            completeSeconds++;
            currentTh = 0;
            currentS = 0;
            left -= part;
        }
        currentTh += ths * left;
        currentS += left;
    }

    /** TH/s over the last whole seconds, at most a minute of them; 0 before the first whole second. */
    double averageThs() {
        long seconds = Math.min(completeSeconds, SECONDS);
        double sum = 0;
        for (int i = 0; i < seconds; i++) {
            sum += hashedTh[i];
        }
        return seconds == 0 ? 0 : sum / seconds;
    }
}
