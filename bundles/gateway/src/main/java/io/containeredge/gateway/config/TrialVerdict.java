package io.containeredge.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The verdict on a version on trial. A pure function of what was online before it was applied, which
 * devices it still runs, what is online now and how long it has run, so every scenario is tested on a
 * virtual clock.
 *
 * @param offline the devices that were online before, are still enabled, and are not online now (sorted)
 */
record TrialVerdict(Outcome outcome, List<String> offline) {

    enum Outcome {
        /** The grace period has not passed: devices may still be reconnecting. */
        PENDING,
        /** Every device that was online before and is still configured is online again. */
        GOOD,
        /** A device that was online before and is still configured is not online: go back. */
        ROLL_BACK
    }

    /**
     * @param onlineBefore devices online when the version was applied
     * @param enabledNow   devices the version runs (enabled); one it removed or disabled is not expected online
     * @param onlineNow    devices online now
     * @param grace        how long devices get to come back
     * @param elapsed      how long the version has run (since it was applied, or since the gateway restarted)
     */
    static TrialVerdict judge(Set<String> onlineBefore, Set<String> enabledNow, Set<String> onlineNow, Duration grace,
            Duration elapsed) {
        if (elapsed.compareTo(grace) < 0) {
            return new TrialVerdict(Outcome.PENDING, List.of());
        }
        List<String> offline = onlineBefore.stream()
                .filter(enabledNow::contains)
                .filter(d -> !onlineNow.contains(d))
                .sorted()
                .toList();
        return new TrialVerdict(offline.isEmpty() ? Outcome.GOOD : Outcome.ROLL_BACK, offline);
    }
}
