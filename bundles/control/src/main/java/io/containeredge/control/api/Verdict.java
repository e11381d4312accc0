package io.containeredge.control.api;

import java.util.List;

/**
 * What one guard asks for in one cycle. The arbiter combines verdicts; the most restrictive wins.
 *
 * @param guard the guard's name, e.g. {@code thermal}
 * @param maxMinerKw the most the miners may draw; {@link Double#POSITIVE_INFINITY} for no limit
 * @param holdWake whether sleeping miners must stay asleep
 * @param reason why, naming the reading that caused it
 * @param alarms conditions this guard sees as active now (the alarm registry tracks raise/clear)
 */
public record Verdict(String guard, double maxMinerKw, boolean holdWake, String reason, List<AlarmCondition> alarms) {

    public Verdict {
        alarms = List.copyOf(alarms);
    }

    public static Verdict free(String guard) {
        return new Verdict(guard, Double.POSITIVE_INFINITY, false, "no limit", List.of());
    }

    public boolean limits() {
        return maxMinerKw != Double.POSITIVE_INFINITY || holdWake;
    }
}
