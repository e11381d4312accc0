package io.containeredge.console.history;

import java.util.Arrays;

/**
 * The mean of each series over one minute, built from its 1 s samples. Values that are not known
 * (NaN) are left out of the mean; a series with no known value in the minute has a NaN mean.
 */
final class MinuteRollup {

    private final double[] sums = new double[HistorySeries.count()];
    private final int[] counts = new int[HistorySeries.count()];
    private long minute = Long.MIN_VALUE;
    private int samples;

    /** Starts over for another minute (epoch minutes). */
    void start(long epochMinute) {
        minute = epochMinute;
        samples = 0;
        Arrays.fill(sums, 0);
        Arrays.fill(counts, 0);
    }

    void add(double[] values) {
        samples++;
        for (int i = 0; i < sums.length; i++) {
            if (Double.isFinite(values[i])) {
                sums[i] += values[i];
                counts[i]++;
            }
        }
    }

    long minute() {
        return minute;
    }

    boolean isEmpty() {
        return samples == 0;
    }

    double[] means() {
        double[] means = new double[sums.length];
        for (int i = 0; i < means.length; i++) {
            means[i] = counts[i] == 0 ? Double.NaN : sums[i] / counts[i];
        }
        return means;
    }
}
