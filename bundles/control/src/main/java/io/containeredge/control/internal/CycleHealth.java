package io.containeredge.control.internal;

import io.containeredge.gateway.api.ControlHealth;

/**
 * Counts the control loop's completed cycles and its overruns over the latest {@link #WINDOW} cycles, for
 * the configuration trial ({@link ControlHealth}). Times are monotonic nanoseconds given by the caller.
 * Thread-safe: the cycle thread records, the trial's thread samples.
 */
final class CycleHealth {

    /** 10 s of cycles at the default 250 ms. */
    static final int WINDOW = 40;

    private final boolean[] overran = new boolean[WINDOW];
    private final long startNanos;
    private long cycles;
    private int overrunsInWindow;
    private long lastNanos;

    CycleHealth(long startNanos) {
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
    }

    synchronized void completed(boolean overrun, long nanos) {
        int slot = (int) (cycles % WINDOW);
        if (cycles >= WINDOW && overran[slot]) {
            overrunsInWindow--;
        }
        overran[slot] = overrun;
        overrunsInWindow += overrun ? 1 : 0;
        cycles++;
        lastNanos = nanos;
    }

    synchronized ControlHealth.Sample sample(long nanos) {
        long since = cycles == 0 ? nanos - startNanos : nanos - lastNanos;
        return new ControlHealth.Sample(cycles, (int) Math.min(cycles, WINDOW), overrunsInWindow, since / 1_000_000);
    }
}
