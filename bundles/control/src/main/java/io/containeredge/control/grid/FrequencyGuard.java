package io.containeredge.control.grid;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.site.api.FrequencyGuardSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The under-frequency guard, a pure function of (reading, settings, loads, monotonic time, state) to a decision.
 * Each new reading of the point counts once: {@code readings} consecutive good ones below the threshold shed the block
 * and hold it asleep; the block returns only once the frequency has been above threshold + hysteresis for
 * {@code restoreAfter}, then ramped linearly over {@code restoreRamp}. Noise around the threshold cannot chatter: a
 * trip needs consecutive readings below it, a restore a recovery above it by the hysteresis, held for a time. A reading
 * that is not good is unknown: it never sheds by itself and never restores, it makes the guard blind (alarmed).
 */
public final class FrequencyGuard {

    /** The guard's name as its verdicts carry it. */
    public static final String NAME = "under-frequency";
    public static final String UNDER_FREQUENCY = "grid.under-frequency";
    public static final String BLIND = "grid.frequency-blind";
    /** A reading this far from nominal (15 %) is a meter fault or a wrong map, not a grid: unknown. */
    static final double PLAUSIBLE_SHARE = 0.15;

    private FrequencyGuard() {
    }

    public enum Mode {
        NORMAL,
        SHED,
        RESTORING,
        BLIND
    }

    /**
     * The point as the cycle's snapshot has it.
     *
     * @param good read recently, within the meter's range (the process image's quality)
     * @param timestampMillis when it was read: a reading seen again by a later cycle is not counted again
     * @param problem why it is not good, or null
     */
    public record Reading(double hz, boolean good, long timestampMillis, String problem) {
    }

    /**
     * What the limit is taken from.
     *
     * @param drawKw what the controllable loads draw now: a kW block is shed from this at the trip
     * @param ratedKw what they draw at full power: the end of the restore ramp
     * @param firmFloorKw what the firm loads (AI contract floors) keep when every miner is shed
     */
    public record Loads(double drawKw, double ratedKw, double firmFloorKw) {
    }

    /**
     * What the guard remembers between cycles.
     *
     * @param below consecutive new good readings below the threshold
     * @param lastReadingMillis the timestamp of the last reading counted
     * @param recoveredSinceMillis monotonic time since when every reading was above the restore frequency, or
     *     {@link Long#MIN_VALUE} when it is not
     * @param shedKw the limit at the trip
     * @param limitKw the limit now (the ramp's while restoring)
     * @param lastMillis monotonic time of the last evaluation (the ramp's step)
     * @param sheds trips since the start
     */
    public record State(Mode mode, int below, long lastReadingMillis, long recoveredSinceMillis, double shedKw,
            double limitKw, long lastMillis, long sheds) {

        public static State initial() {
            return new State(Mode.NORMAL, 0, Long.MIN_VALUE, Long.MIN_VALUE, Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY, Long.MIN_VALUE, 0);
        }

        boolean holding() {
            return mode == Mode.SHED || mode == Mode.RESTORING;
        }
    }

    /**
     * @param limitKw the most the controllable loads may draw; infinite when the guard does not limit
     * @param holdWake sleeping loads stay asleep (while shed)
     * @param hz the reading, NaN when it is unknown
     */
    public record Decision(State state, double limitKw, boolean holdWake, double hz, List<AlarmCondition> alarms,
            String reason) {
    }

    public static Decision evaluate(Reading r, FrequencyGuardSettings s, Loads loads, long now, State prev) {
        String unknown = unknown(r, s);
        State st = prev;
        boolean fresh = r.timestampMillis() != prev.lastReadingMillis();
        if (unknown != null) {
            st = withRecovery(st, Long.MIN_VALUE, fresh ? r.timestampMillis() : st.lastReadingMillis(), 0);
        } else if (fresh) {
            st = count(r, s, loads, now, st);
        }
        if (st.mode() == Mode.SHED && st.recoveredSinceMillis() != Long.MIN_VALUE
                && now - st.recoveredSinceMillis() >= s.restoreAfter().toMillis()) {
            st = to(st, Mode.RESTORING);
        }
        if (st.mode() == Mode.RESTORING && unknown == null) {
            st = ramp(st, s, loads, now);
        }
        if (!st.holding()) {
            st = to(st, unknown != null ? Mode.BLIND : Mode.NORMAL);
        }
        st = new State(st.mode(), st.below(), st.lastReadingMillis(), st.recoveredSinceMillis(), st.shedKw(),
                st.limitKw(), now, st.sheds());
        return decide(r, s, st, unknown);
    }

    /** Why the reading cannot be used, or null when it is good. */
    private static String unknown(Reading r, FrequencyGuardSettings s) {
        if (!r.good() || Double.isNaN(r.hz())) {
            return r.problem() != null ? r.problem() : "no good reading";
        }
        if (Math.abs(r.hz() - s.nominalHz()) > s.nominalHz() * PLAUSIBLE_SHARE) {
            return String.format(Locale.ROOT, "%.2f Hz is not plausible on a %.0f Hz grid", r.hz(), s.nominalHz());
        }
        return null;
    }

    /** A new good reading: counts toward a trip, or toward the recovery. */
    private static State count(Reading r, FrequencyGuardSettings s, Loads loads, long now, State st) {
        double restoreHz = s.thresholdHz() + s.hysteresisHz();
        long recovered = r.hz() > restoreHz
                ? (st.recoveredSinceMillis() == Long.MIN_VALUE ? now : st.recoveredSinceMillis()) : Long.MIN_VALUE;
        int below = r.hz() < s.thresholdHz() ? st.below() + 1 : 0;
        State counted = withRecovery(st, recovered, r.timestampMillis(), below);
        if (below >= s.readings() && counted.mode() != Mode.SHED) {
            double shedKw = s.shedAll() ? loads.firmFloorKw() : Math.max(0, loads.drawKw() - s.shedKw());
            if (counted.mode() == Mode.RESTORING) {
                shedKw = Math.min(shedKw, counted.limitKw());
            }
            return new State(Mode.SHED, below, counted.lastReadingMillis(), Long.MIN_VALUE, shedKw, shedKw,
                    counted.lastMillis(), counted.sheds() + 1);
        }
        return counted;
    }

    /** The limit one step further up the ramp; at its end the guard lets go. */
    private static State ramp(State st, FrequencyGuardSettings s, Loads loads, long now) {
        long rampMillis = s.restoreRamp().toMillis();
        double span = Math.max(0, loads.ratedKw() - st.shedKw());
        long stepMillis = st.lastMillis() == Long.MIN_VALUE ? 0 : now - st.lastMillis();
        double limit = rampMillis == 0 ? Double.POSITIVE_INFINITY
                : Math.min(st.limitKw(), loads.ratedKw()) + span * stepMillis / rampMillis;
        if (limit >= loads.ratedKw()) {
            return new State(Mode.NORMAL, st.below(), st.lastReadingMillis(), st.recoveredSinceMillis(),
                    Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, st.lastMillis(), st.sheds());
        }
        return new State(Mode.RESTORING, st.below(), st.lastReadingMillis(), st.recoveredSinceMillis(), st.shedKw(),
                limit, st.lastMillis(), st.sheds());
    }

    private static State withRecovery(State st, long recoveredSince, long readingMillis, int below) {
        return new State(st.mode(), below, readingMillis, recoveredSince, st.shedKw(), st.limitKw(), st.lastMillis(),
                st.sheds());
    }

    private static State to(State st, Mode mode) {
        return new State(mode, st.below(), st.lastReadingMillis(), st.recoveredSinceMillis(), st.shedKw(),
                st.limitKw(), st.lastMillis(), st.sheds());
    }

    private static Decision decide(Reading r, FrequencyGuardSettings s, State st, String unknown) {
        List<AlarmCondition> alarms = new ArrayList<>();
        String at = String.format(Locale.ROOT, "%.3f Hz", r.hz());
        String reason = switch (st.mode()) {
            case NORMAL -> at + ", above " + hz(s.thresholdHz());
            case BLIND -> "blind: " + unknown + " (no shed by itself)";
            case SHED -> (unknown == null ? at : "blind: " + unknown) + "; shed below " + hz(s.thresholdHz())
                    + ", held until above " + hz(s.thresholdHz() + s.hysteresisHz()) + " for "
                    + s.restoreAfter().toSeconds() + " s";
            case RESTORING -> (unknown == null ? at : "blind: " + unknown + ", ramp held") + "; recovered, restoring"
                    + " over " + s.restoreRamp().toSeconds() + " s";
        };
        if (unknown != null) {
            alarms.add(new AlarmCondition(BLIND, Severity.WARNING, s.pointPath(), "grid frequency unknown: " + unknown
                    + "; the under-frequency guard cannot shed", Double.NaN));
        }
        if (st.mode() == Mode.SHED) {
            alarms.add(new AlarmCondition(UNDER_FREQUENCY, Severity.CRITICAL, s.pointPath(),
                    "under-frequency: load shed below " + hz(s.thresholdHz()), unknown == null ? r.hz() : Double.NaN));
        } else if (st.mode() == Mode.RESTORING) {
            alarms.add(new AlarmCondition(UNDER_FREQUENCY, Severity.WARNING, s.pointPath(), "under-frequency: shed"
                    + " load returning, ramped", unknown == null ? r.hz() : Double.NaN));
        }
        double limit = st.holding() ? st.limitKw() : Double.POSITIVE_INFINITY;
        return new Decision(st, limit, st.mode() == Mode.SHED, unknown == null ? r.hz() : Double.NaN, alarms, reason);
    }

    private static String hz(double value) {
        return String.format(Locale.ROOT, "%.2f Hz", value);
    }
}
