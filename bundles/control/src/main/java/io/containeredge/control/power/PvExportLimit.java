package io.containeredge.control.power;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.Reading;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps on-site PV from exporting more than the grid connection allows ({@code planner.export.limitKw}, 0
 * without an export agreement), by capping the PV inverters' output. Pure: one decision per control cycle.
 *
 * <p>Export is the negative import. Over the limit the cap falls at once to what the plant makes now less the
 * excess (the inverters follow within about a second). Under the limit by more than {@link Settings#marginKw}
 * the cap rises at {@link Settings#rampPctPerS} of the rating per second (by no more than the headroom in one
 * cycle), so the grid never sees a step of PV; once the cap has stood at the full rating for
 * {@link Settings#releaseAfterMillis} it is released
 * (the inverters run free). Between the two the cap holds: no hunting around the limit.
 *
 * <p>Fail-safe: an import reading that is not good is the worst case, no load at all, so all PV would export:
 * the cap goes to the export limit. A PV reading that is not good gives no excess to subtract: the cap holds
 * (over the limit without a cap, the cap goes to the export limit; within it nothing needs PV's reading).
 */
public final class PvExportLimit {

    /** The INFO condition shown while the cap is in force: the status says why PV makes less than it could. */
    public static final String LIMITED = "power.pv-export-limited";
    public static final String IMPORT_BAD = "power.pv-import-bad";
    public static final String PV_BAD = "power.pv-reading-bad";

    /**
     * @param limitKw the most the site may export
     * @param ratedKw the PV plant's rating: the cap's 100 %
     * @param marginKw how far under the limit export must be before the cap rises
     * @param rampPctPerS how fast the cap rises, % of the rating per second
     * @param releaseAfterMillis how long the cap stands at the full rating before it is released
     */
    public record Settings(double limitKw, double ratedKw, double marginKw, double rampPctPerS,
            long releaseAfterMillis) {

        public static final double DEFAULT_MARGIN_KW = 5;
        public static final double DEFAULT_RAMP_PCT_PER_S = 10;
        public static final long DEFAULT_RELEASE_AFTER_MILLIS = 30_000;

        public Settings {
            if (!(ratedKw > 0) || !(limitKw >= 0)) {
                throw new IllegalArgumentException("PV export limit needs a rating > 0 and a limit >= 0: rated "
                        + ratedKw + " kW, limit " + limitKw + " kW");
            }
        }

        public static Settings of(double limitKw, double ratedKw) {
            return new Settings(limitKw, ratedKw, DEFAULT_MARGIN_KW, DEFAULT_RAMP_PCT_PER_S,
                    DEFAULT_RELEASE_AFTER_MILLIS);
        }

        /** The export limit as % of the rating: where a dead gateway's inverters should fall back to. */
        public double limitPct() {
            return Math.min(100, limitKw / ratedKw * 100);
        }
    }

    /**
     * The limiter's memory between cycles.
     *
     * @param capKw the cap in force, NaN when released
     * @param fullSinceMillis when the cap reached the full rating (Long.MIN_VALUE: it is below)
     * @param atMillis the cycle it was decided in
     */
    public record State(double capKw, long fullSinceMillis, long atMillis) {

        public static State released(long nowMillis) {
            return new State(Double.NaN, Long.MIN_VALUE, nowMillis);
        }

        public boolean capping() {
            return !Double.isNaN(capKw);
        }
    }

    /**
     * One cycle's decision.
     *
     * @param state the cap to write (NaN: released, no cap) and what the next cycle starts from
     * @param reason why, for people
     * @param alarms the capping condition and any reading that was not good
     */
    public record Decision(State state, String reason, List<AlarmCondition> alarms) {

        public double capKw() {
            return state.capKw();
        }

        /** The cap as % of the rating, NaN when released. */
        public double capPct(Settings s) {
            return state.capKw() / s.ratedKw() * 100;
        }
    }

    private PvExportLimit() {
    }

    /**
     * @param importKw the site's import meter, negative on export
     * @param pvKw what the PV inverters make now, together
     */
    public static Decision decide(Reading importKw, Reading pvKw, State prev, long nowMillis, Settings s) {
        List<AlarmCondition> alarms = new ArrayList<>();
        double dtS = Math.max(0, (nowMillis - prev.atMillis()) / 1000.0);
        double cap;
        String reason;
        if (!importKw.good()) {
            cap = prev.capping() ? Math.min(prev.capKw(), s.limitKw()) : s.limitKw();
            reason = "import reading not good (" + importKw.why() + "): PV capped at the export limit";
            alarms.add(new AlarmCondition(IMPORT_BAD, Severity.WARNING, importKw.source(),
                    "PV export limit: " + reason, Double.NaN));
        } else if (!pvKw.good()) {
            boolean over = -importKw.value() > s.limitKw();
            cap = prev.capping() ? prev.capKw() : over ? s.limitKw() : Double.NaN;
            reason = "PV reading not good (" + pvKw.why() + ")" + (prev.capping() ? ": the cap holds"
                    : over ? ": no excess to take off, PV capped at the export limit" : "");
            if (prev.capping() || over) {
                alarms.add(new AlarmCondition(PV_BAD, Severity.WARNING, pvKw.source(), "PV export limit: " + reason,
                        Double.NaN));
            }
        } else {
            double exportKw = -importKw.value();
            double excessKw = exportKw - s.limitKw();
            double from = prev.capping() ? prev.capKw() : s.ratedKw();
            if (excessKw > 0) {
                cap = Math.max(0, Math.min(from, pvKw.value() - excessKw));
                reason = "export " + kw(exportKw) + " kW over the limit " + kw(s.limitKw()) + " kW";
            } else if (prev.capping() && -excessKw > s.marginKw()) {
                // never by more than the headroom: a cap that binds would otherwise overshoot the limit
                cap = Math.min(s.ratedKw(), from + Math.min(-excessKw, s.ratedKw() * s.rampPctPerS() / 100 * dtS));
                reason = "export " + kw(exportKw) + " kW under the limit " + kw(s.limitKw()) + " kW: cap rising";
            } else {
                cap = prev.capKw();
                reason = prev.capping() ? "export " + kw(exportKw) + " kW at the limit " + kw(s.limitKw()) + " kW"
                        : "export " + kw(exportKw) + " kW within the limit " + kw(s.limitKw()) + " kW";
            }
        }
        State next = next(cap, prev, nowMillis, s);
        if (next.capping()) {
            alarms.add(new AlarmCondition(LIMITED, Severity.INFO, "pv", "PV capped at " + kw(next.capKw())
                    + " kW: " + reason, next.capKw()));
        }
        return new Decision(next, reason, alarms);
    }

    /** The cap with the time it reached the full rating; released after standing there long enough. */
    private static State next(double cap, State prev, long nowMillis, Settings s) {
        if (Double.isNaN(cap)) {
            return State.released(nowMillis);
        }
        if (cap < s.ratedKw()) {
            return new State(cap, Long.MIN_VALUE, nowMillis);
        }
        long fullSince = prev.fullSinceMillis() == Long.MIN_VALUE ? nowMillis : prev.fullSinceMillis();
        return nowMillis - fullSince >= s.releaseAfterMillis() ? State.released(nowMillis)
                : new State(cap, fullSince, nowMillis);
    }

    private static String kw(double kw) {
        return String.valueOf(Math.round(kw * 10) / 10.0);
    }
}
