package io.containeredge.control.grid;

import java.util.OptionalDouble;

/**
 * The container's import, one value per wall-clock second, for the last few hours: what an event's baseline averages.
 * A second without a good reading holds NaN and is left out of averages. Not thread-safe: the control cycle feeds it
 * and the book reads it under its own lock.
 */
public final class LoadHistory {

    private final double[] kw;
    private final long[] second;

    /** @param seconds how many seconds are kept (the longest baseline window) */
    public LoadHistory(int seconds) {
        kw = new double[seconds];
        second = new long[seconds];
        java.util.Arrays.fill(second, Long.MIN_VALUE);
    }

    /** The import of the second {@code wallMillis} falls in; the last reading of a second is the one kept. */
    public void record(long wallMillis, double importKw, boolean good) {
        long s = Math.floorDiv(wallMillis, 1000);
        int slot = (int) Math.floorMod(s, kw.length);
        second[slot] = s;
        kw[slot] = good ? importKw : Double.NaN;
    }

    /** The average of the good seconds in [fromMillis, toMillis); empty when there is none. */
    public OptionalDouble average(long fromMillis, long toMillis) {
        long first = Math.floorDiv(fromMillis, 1000);
        long last = Math.floorDiv(toMillis - 1, 1000);
        double sum = 0;
        int n = 0;
        for (long s = Math.max(first, last - kw.length + 1); s <= last; s++) {
            int slot = (int) Math.floorMod(s, kw.length);
            if (second[slot] == s && !Double.isNaN(kw[slot])) {
                sum += kw[slot];
                n++;
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }
}
