package io.containeredge.gateway.api;

/**
 * Whether the control loop runs: registered by the control bundle (which depends on this one, so the
 * configuration trial cannot ask the control bundle itself). A configuration trial fails when the loop
 * stops completing cycles or overruns persistently under the version on trial.
 */
public interface ControlHealth {

    /**
     * The loop's cycles as of now.
     *
     * @param cycles cycles completed since the loop started
     * @param recentCycles how many of the latest cycles {@code recentOverruns} counts (at most a fixed window)
     * @param recentOverruns of those, the cycles that took longer than the cycle period
     * @param sinceLastCycleMillis time since the last cycle completed (since the loop started when none has), by
     *     a monotonic clock
     */
    record Sample(long cycles, int recentCycles, int recentOverruns, long sinceLastCycleMillis) {
    }

    Sample sample();
}
