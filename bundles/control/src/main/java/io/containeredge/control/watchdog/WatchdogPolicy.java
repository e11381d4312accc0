package io.containeredge.control.watchdog;

import java.time.Duration;

/**
 * Whether the gateway may tell systemd it is alive: only while its control cycle is. Pure: the caller
 * passes the time of the last cycle that completed and the current time, both from a monotonic clock
 * ({@code System.nanoTime()} in milliseconds). The wall clock must not be used: a gateway without a
 * battery-backed clock jumps by years when NTP first syncs.
 *
 * <p>With a watchdog timeout T and the default maximum cycle age T/2, a stalled cycle stops the
 * notifications after T/2 and systemd kills the process at most T after the last one: a restart
 * within 1.5 T of the stall.
 *
 * @param watchdogTimeout systemd's {@code WatchdogSec} ({@code WATCHDOG_USEC})
 * @param maxCycleAge how long ago the last healthy cycle may be for the process to count as alive
 */
public record WatchdogPolicy(Duration watchdogTimeout, Duration maxCycleAge) {

    /** Marks "no healthy cycle yet" in {@link #notifyNow}. */
    public static final long NEVER = Long.MIN_VALUE;

    public WatchdogPolicy {
        if (watchdogTimeout.isNegative() || watchdogTimeout.isZero() || maxCycleAge.isNegative()
                || maxCycleAge.isZero()) {
            throw new IllegalArgumentException("watchdog timeout and maximum cycle age must be positive");
        }
    }

    /** The policy for a watchdog timeout, tolerating a cycle up to half of it old. */
    public static WatchdogPolicy forTimeout(Duration watchdogTimeout) {
        return new WatchdogPolicy(watchdogTimeout, watchdogTimeout.dividedBy(2));
    }

    /**
     * @param lastHealthyCycleMillis when the last control cycle completed without error, {@link #NEVER}
     *     before the first; a process that has not completed one is not alive yet
     * @return true if the watchdog may be notified now
     */
    public boolean notifyNow(long lastHealthyCycleMillis, long nowMillis) {
        if (lastHealthyCycleMillis == NEVER) {
            return false;
        }
        return nowMillis - lastHealthyCycleMillis <= maxCycleAge.toMillis();
    }
}
