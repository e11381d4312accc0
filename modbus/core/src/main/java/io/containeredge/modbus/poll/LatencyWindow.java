package io.containeredge.modbus.poll;

import java.util.Arrays;

/** The last N response times of a device, for percentiles in diagnostics. Thread-safe. */
final class LatencyWindow {

    private final long[] micros;
    private int next;
    private int size;

    LatencyWindow(int capacity) {
        micros = new long[capacity];
    }

    synchronized void record(long responseMicros) {
        micros[next] = responseMicros;
        next = (next + 1) % micros.length;
        size = Math.min(size + 1, micros.length);
    }

    /** The given percentile (0..100) in milliseconds, or NaN with no samples. */
    synchronized double percentileMillis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1000.0;
    }
}
