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
 * @param shedding how fast the loads must come down to the limit: {@link Shedding#GRADUAL} for every source but the
 *     under-frequency guard
 */
public record Verdict(String guard, double maxMinerKw, boolean holdWake, String reason, List<AlarmCondition> alarms,
        Strength strength, Long untilMillis, Shedding shedding) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** Protection of the equipment, or an obligation or plan that may only lower what protection allows. */
    public enum Strength {
        HARD,
        SOFT
    }

    /**
     * How a load is brought down to the limit. A miner's firmware takes seconds to follow a power target but goes to
     * sleep at once; a PDU socket cut is faster still and blunt (fans restart at full speed).
     */
    public enum Shedding {
        /** Power targets before sleep, a socket cut only for a miner that has not confirmed sleep in time. */
        GRADUAL,
        /** Straight to sleep, no power-target trims: the fastest path the miners offer (a grid frequency dip). */
        SLEEP,
        /** Sleep, and the socket cut at once as well: the relay-equivalent must be hard. */
        SLEEP_AND_CUT
    }

    public Verdict {
        alarms = List.copyOf(alarms);
    }

    /** A verdict shed gradually. */
    public Verdict(String guard, double maxMinerKw, boolean holdWake, String reason, List<AlarmCondition> alarms,
            Strength strength, Long untilMillis) {
        this(guard, maxMinerKw, holdWake, reason, alarms, strength, untilMillis, Shedding.GRADUAL);
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
        return s == strength ? this
                : new Verdict(guard, maxMinerKw, holdWake, reason, alarms, s, untilMillis, shedding);
    }

    /** The same verdict shed another way. */
    public Verdict withShedding(Shedding how) {
        return new Verdict(guard, maxMinerKw, holdWake, reason, alarms, strength, untilMillis, how);
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
