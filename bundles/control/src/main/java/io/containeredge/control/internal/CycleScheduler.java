package io.containeredge.control.internal;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Runs the control cycle on its period and, in between, as soon as a guarded device's fresh values have
 * arrived: a pump stop the CDU's fast poll reads is acted on right after that poll, not up to a period later.
 * The period stays the floor (stale readings, holds and timers need cycles when no poll arrives). At most one
 * early cycle waits at a time, and it starts no sooner than {@code minGapMillis} after the cycle before, so a
 * chatty device cannot take the cycle thread. Every cycle runs on the one cycle thread.
 */
public final class CycleScheduler {

    private final ScheduledExecutorService thread;
    private final Runnable cycle;
    private final long minGapNanos;
    private final LongSupplier nanoTime;
    private final AtomicBoolean earlyQueued = new AtomicBoolean();
    /** Read and written on the cycle thread only. */
    private long lastStartNanos;
    private boolean started;

    /** @param nanoTime the monotonic clock in nanoseconds ({@link System#nanoTime} but in tests) */
    public CycleScheduler(ScheduledExecutorService thread, Runnable cycle, long minGapMillis, LongSupplier nanoTime) {
        this.thread = thread;
        this.cycle = cycle;
        this.minGapNanos = TimeUnit.MILLISECONDS.toNanos(minGapMillis);
        this.nanoTime = nanoTime;
    }

    /** Starts the periodic cycles, the first after one period. */
    public void start(long periodMillis) {
        thread.scheduleAtFixedRate(this::run, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** A guarded device's fresh values are in the process image: a cycle as soon as the gap allows. */
    public void freshValues() {
        if (earlyQueued.compareAndSet(false, true)) {
            try {
                thread.execute(this::early);
            } catch (RejectedExecutionException stopping) {
                // the component is stopping: no more cycles
            }
        }
    }

    private void early() {
        if (thread.isShutdown()) {
            return; // a delayed early cycle would otherwise still run after the stop
        }
        long wait = started ? minGapNanos - (nanoTime.getAsLong() - lastStartNanos) : 0;
        if (wait > 0) {
            thread.schedule(this::early, wait, TimeUnit.NANOSECONDS);
            return;
        }
        // cleared before the cycle: values arriving while it runs ask for the next one
        earlyQueued.set(false);
        run();
    }

    private void run() {
        lastStartNanos = nanoTime.getAsLong();
        started = true;
        cycle.run();
    }
}
