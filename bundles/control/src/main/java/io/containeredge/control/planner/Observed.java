package io.containeredge.control.planner;

import java.time.Duration;

/**
 * What a control cycle saw that the planner plans on and the status compares with the plan. NaN where a reading is
 * not good.
 *
 * @param nowMillis the cycle's monotonic time: how old this is
 * @param socSource the state of charge reading's source and quality, for a message when it is not good
 * @param batteryKw the battery's power reading, + discharge
 * @param pvKw the PV plant's output (the sum of its inverters), NaN when one is not good or the site has none
 * @param minerKw what the miners draw
 */
public record Observed(long nowMillis, long wallMillis, double importKw, double socPct, String socSource,
        double batteryKw, double pvKw, double ambientC, double minerKw) {

    /** Older than this, the readings are not planned on: the control loop has stopped. */
    public static final Duration MAX_AGE = Duration.ofSeconds(30);
}
