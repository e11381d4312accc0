package io.containeredge.control.api;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What one limit source asks for in one cycle. The arbiter combines verdicts; the most restrictive wins.
 *
 * @param guard the source's name, e.g. {@code thermal}
 * @param maxMinerKw the most the controllable loads may draw; {@link Double#POSITIVE_INFINITY} for no limit
 * @param holdWake whether sleeping loads must stay asleep
 * @param reason why, naming the reading (or the event, the plan) that caused it
 * @param alarms conditions this source sees as active now (the alarm registry tracks raise/clear)
 * @param strength {@link Strength#HARD} for the guards that protect the equipment; {@link Strength#SOFT} for
 *     obligations and plans, which can only lower what the hard limits allow, never raise it
 * @param untilMillis wall-clock time the limit ends (an event's end, a lease's expiry), null when it has none
 */
public record Verdict(String guard, double maxMinerKw, boolean holdWake, String reason, List<AlarmCondition> alarms,
        Strength strength, Long untilMillis) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** Protection of the equipment, or an obligation or plan that may only lower what protection allows. */
    public enum Strength {
        HARD,
        SOFT
    }

    public Verdict {
        alarms = List.copyOf(alarms);
    }

    /** A guard's verdict: hard, without an end. */
    public Verdict(String guard, double maxMinerKw, boolean holdWake, String reason, List<AlarmCondition> alarms) {
        this(guard, maxMinerKw, holdWake, reason, alarms, Strength.HARD, null);
    }

    public static Verdict free(String guard) {
        return new Verdict(guard, Double.POSITIVE_INFINITY, false, "no limit", List.of());
    }

    public boolean limits() {
        return maxMinerKw != Double.POSITIVE_INFINITY || holdWake;
    }

    /** The same verdict with another strength: a source's registration, not its verdict, decides it. */
    public Verdict withStrength(Strength s) {
        return s == strength ? this : new Verdict(guard, maxMinerKw, holdWake, reason, alarms, s, untilMillis);
    }

    /** For people: "grid event: 4CP until 17:00 → 1,200 kW", times in {@code zone}. */
    public String describe(ZoneId zone) {
        StringBuilder s = new StringBuilder(guard).append(": ").append(reason);
        if (untilMillis != null) {
            s.append(" until ").append(CLOCK.format(Instant.ofEpochMilli(untilMillis).atZone(zone)));
        }
        if (maxMinerKw != Double.POSITIVE_INFINITY) {
            s.append(" → ").append(String.format(Locale.ROOT, "%,.0f kW", maxMinerKw));
        }
        if (holdWake) {
            s.append(", no wake-up");
        }
        return s.toString();
    }
}
