package io.containeredge.console.history;

/**
 * Part of the history, oldest first, in columns: {@code values[series.ordinal()][i]} belongs to
 * {@code epochSeconds[i]}. NaN marks a value that was not known (a reading that was not good, or no
 * limit in force).
 */
public record HistoryWindow(HistoryRange range, long[] epochSeconds, double[][] values) {

    public int size() {
        return epochSeconds.length;
    }

    public double[] column(HistorySeries series) {
        return values[series.ordinal()];
    }
}
