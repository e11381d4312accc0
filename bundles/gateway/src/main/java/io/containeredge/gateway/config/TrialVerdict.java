package io.containeredge.gateway.config;

import io.containeredge.gateway.api.ControlHealth;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The verdict on a version on trial. A pure function of what was online before it was applied, which
 * devices it still runs, what is online now, whether the control loop ran before and how it runs now, and
 * how long the version has run, so every scenario is tested on a virtual clock.
 *
 * @param offline the devices that were online before, are still enabled, and are not online now (sorted)
 * @param loopProblem why the control loop that ran before does not run properly now, or null
 */
record TrialVerdict(Outcome outcome, List<String> offline, String loopProblem) {

    /** A loop whose last cycle is older than this has stalled (the longest cycle a site may set is 2 s). */
    static final Duration STALLED_AFTER = Duration.ofSeconds(10);
    /** Overruns are judged over at least this many recent cycles... */
    static final int OVERRUN_WINDOW_MIN = 20;
    /** ...and are persistent when at least this share of them overran. */
    static final double PERSISTENT_OVERRUN_SHARE = 0.5;

    enum Outcome {
        /** The grace period has not passed: devices may still be reconnecting. */
        PENDING,
        /** Every device that was online before and is still configured is online again, and the loop runs. */
        GOOD,
        /** A device that was online before is not online, or the loop that ran before does not: go back. */
        ROLL_BACK
    }

    /** What the trial saw of the devices. */
    record Devices(Set<String> onlineBefore, Set<String> enabledNow, Set<String> onlineNow) {
    }

    /**
     * @param devices      online before, enabled by the version (one it removed or disabled is not expected
     *                     online), online now
     * @param loopBefore   whether the control loop was running when the version was applied: only then is it
     *                     expected to run under it
     * @param loopNow      the control loop's health now, or null when no loop is registered
     * @param grace        how long devices and the loop get to come back
     * @param elapsed      how long the version has run (since it was applied, or since the gateway restarted)
     */
    static TrialVerdict judge(Devices devices, boolean loopBefore, ControlHealth.Sample loopNow, Duration grace,
            Duration elapsed) {
        if (elapsed.compareTo(grace) < 0) {
            return new TrialVerdict(Outcome.PENDING, List.of(), null);
        }
        List<String> offline = devices.onlineBefore().stream()
                .filter(devices.enabledNow()::contains)
                .filter(d -> !devices.onlineNow().contains(d))
                .sorted()
                .toList();
        String loopProblem = loopBefore ? loopProblem(loopNow) : null;
        boolean good = offline.isEmpty() && loopProblem == null;
        return new TrialVerdict(good ? Outcome.GOOD : Outcome.ROLL_BACK, offline, loopProblem);
    }

    private static String loopProblem(ControlHealth.Sample loop) {
        if (loop == null) {
            return "the control loop is not running";
        }
        if (loop.cycles() == 0) {
            return "the control loop completed no cycle";
        }
        if (loop.sinceLastCycleMillis() > STALLED_AFTER.toMillis()) {
            return "the control loop stalled: last cycle " + loop.sinceLastCycleMillis() / 1000 + " s ago";
        }
        if (loop.recentCycles() >= OVERRUN_WINDOW_MIN
                && loop.recentOverruns() >= PERSISTENT_OVERRUN_SHARE * loop.recentCycles()) {
            return "the control loop overran " + loop.recentOverruns() + " of its last " + loop.recentCycles()
                    + " cycles";
        }
        return null;
    }

    /** Why the version is rolled back, for the log, the audit trail and the version's detail. */
    String reason(Duration grace) {
        String devices = offline.isEmpty() ? null
                : "online before, offline " + grace.toSeconds() + " s after: " + String.join(", ", offline);
        if (devices == null) {
            return loopProblem;
        }
        return loopProblem == null ? devices : devices + "; " + loopProblem;
    }
}
