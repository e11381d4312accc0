package io.containeredge.control.efficiency;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.FleetEfficiency;
import io.containeredge.control.api.MinerEfficiency;
import io.containeredge.control.economics.UnitModel;
import io.containeredge.control.miner.MinerMode;
import io.containeredge.control.miner.MinerStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * The efficiency picture of one cycle ({@link FleetEfficiency}) and the warning of each underperformer. A miner's
 * numbers are what it reports now (its windowed hashrate average, else its 5 s hashrate), with its dialect and its
 * firmware's own words on pausing, so that a miner the controller did not pause shows why it is not hashing; its
 * lost revenue is its deficit against its model's curve at that power times the net hashprice.
 */
final class EfficiencyReport {

    static final String ALARM_PREFIX = "efficiency.underperformer.";

    private EfficiencyReport() {
    }

    /** What one cycle sees: the time on both clocks, the polls and metered power, what was learned and judged. */
    record Inputs(long wallMillis, long nowMillis, Map<Integer, MinerStatus> polls, IntToDoubleFunction meteredW,
            LearnedCurves curves, Underperformers judged, double netHashpriceUsdPerThDay) {
    }

    static FleetEfficiency of(Map<Integer, UnitModel> units, Inputs in) {
        List<MinerEfficiency> miners = new ArrayList<>();
        double powerW = 0;
        double hashrateThs = 0;
        for (Map.Entry<Integer, UnitModel> e : units.entrySet()) {
            MinerEfficiency m = miner(e.getKey(), e.getValue(), in);
            miners.add(m);
            if (m.awake() && m.hashrateThs() > 0) {
                powerW += m.powerW();
                hashrateThs += m.hashrateThs();
            }
        }
        List<MinerEfficiency> underperformers = miners.stream().filter(MinerEfficiency::underperforming)
                .sorted(Comparator.comparingDouble((MinerEfficiency m) -> orZero(m.lostUsdPerDay()))
                        .thenComparingDouble(MinerEfficiency::deficitPct).reversed()
                        .thenComparingInt(MinerEfficiency::index))
                .toList();
        return new FleetEfficiency(in.wallMillis(), hashrateThs > 0 ? powerW / hashrateThs : Double.NaN, hashrateThs,
                powerW, in.netHashpriceUsdPerThDay(), miners, underperformers);
    }

    private static MinerEfficiency miner(int index, UnitModel unit, Inputs in) {
        MinerStatus s = in.polls().get(index);
        Long since = in.judged().since(index).map(t -> in.wallMillis() - (in.nowMillis() - t)).orElse(null);
        boolean underperforming = in.judged().underperforming(index, in.nowMillis());
        long samples = in.curves().samples(index);
        int points = in.curves().points(index).size();
        String dialect = s == null ? null : s.dialect();
        String pauseReason = s == null ? null : s.pauseReason();
        if (s == null || !s.reachable() || s.mode() != MinerMode.AWAKE) {
            return new MinerEfficiency(index, unit.model(), false, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, samples, points, since, underperforming, in.judged().why(index), 0, dialect,
                    pauseReason);
        }
        double metered = in.meteredW().applyAsDouble(index);
        double powerW = Double.isFinite(metered) ? metered : s.powerW();
        double ths = s.averageThs() > 0 ? s.averageThs() : s.hashrateThs();
        double expected = Underperformers.expectedTh(unit, powerW);
        double lost = Math.max(0, expected - ths) * in.netHashpriceUsdPerThDay();
        return new MinerEfficiency(index, unit.model(), true, powerW, ths, ths > 0 ? powerW / ths : Double.NaN,
                expected, (expected - ths) / expected * 100, samples, points, since, underperforming,
                in.judged().why(index), lost, dialect, pauseReason);
    }

    /** The warning of one underperformer, with its numbers. */
    static AlarmCondition alarm(MinerEfficiency m) {
        String lost = Double.isNaN(m.lostUsdPerDay()) ? "" : String.format(Locale.ROOT, ", %.2f USD/day lost",
                m.lostUsdPerDay());
        String message = String.format(Locale.ROOT, "miner %d (%s) %s: %.1f TH/s measured vs %.1f TH/s expected at "
                + "%,.0f W (%.0f %% below), %.1f J/TH%s", m.index(), m.model(), m.why(), m.hashrateThs(),
                m.expectedThs(), m.powerW(), m.deficitPct(), m.joulesPerTh(), lost);
        return new AlarmCondition(ALARM_PREFIX + m.index(), AlarmCondition.Severity.WARNING, "miner " + m.index(),
                message, m.hashrateThs());
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
