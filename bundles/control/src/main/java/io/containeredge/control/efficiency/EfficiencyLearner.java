package io.containeredge.control.efficiency;

import io.containeredge.control.economics.UnitModel;
import io.containeredge.control.miner.MinerMode;
import io.containeredge.control.miner.MinerStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;

/**
 * Learns each modelled miner's curve from its polls ({@link LearnedCurves}): a poll counts once (by its time), and
 * only once the miner has settled at its step ({@link Settled}). Pure: the polls, the metered power and the time are
 * handed in. Used by the control cycle's thread only.
 */
public final class EfficiencyLearner {

    /** Power moving more than this share from where it settled is a change (a ramp, a wake, a throttle). */
    static final double STEADY_SHARE = 0.03;

    /** Since when one miner has been steady at one target and power. */
    private record Steady(double targetW, double anchorW, long sinceMillis) {
    }

    private final Map<Integer, UnitModel> units;
    private final LearnedCurves curves;
    private final Map<Integer, Long> lastPoll = new HashMap<>();
    private final Map<Integer, Steady> steady = new HashMap<>();
    private final Map<Integer, Settled> settled = new HashMap<>();

    /** @param units the miners whose model is known, by index: only they are learned */
    public EfficiencyLearner(Map<Integer, UnitModel> units, LearnedCurves curves) {
        this.units = Map.copyOf(units);
        this.curves = curves;
    }

    public LearnedCurves curves() {
        return curves;
    }

    /**
     * Takes the miners' latest polls.
     *
     * @param meteredW each miner's metered power by index (its PDU socket's), NaN where none is known
     * @param nowMillis monotonic time
     * @return whether any settled sample was learned
     */
    public boolean observe(List<MinerStatus> polls, IntToDoubleFunction meteredW, long nowMillis) {
        boolean learned = false;
        for (MinerStatus s : polls) {
            UnitModel unit = units.get(s.index());
            if (unit == null) {
                continue;
            }
            Long previous = lastPoll.put(s.index(), s.updatedMillis());
            if (previous != null && previous == s.updatedMillis()) {
                continue;
            }
            double metered = meteredW.applyAsDouble(s.index());
            double powerW = Double.isFinite(metered) ? metered : s.powerW();
            if (!hashing(s)) {
                steady.remove(s.index());
                settled.remove(s.index());
                continue;
            }
            Steady was = steady.get(s.index());
            if (was == null || was.targetW() != s.targetW()
                    || Math.abs(powerW - was.anchorW()) > STEADY_SHARE * was.anchorW()) {
                steady.put(s.index(), new Steady(s.targetW(), powerW, nowMillis));
                settled.remove(s.index());
            } else if (nowMillis - was.sinceMillis() >= Math.round(s.averageWindowSeconds() * 1000)) {
                double stepW = stepOf(unit, s.targetW());
                curves.add(s.index(), unit.model(), stepW, powerW, s.averageThs());
                settled.put(s.index(), new Settled(stepW, powerW, s.averageThs()));
                learned = true;
            }
        }
        return learned;
    }

    /** Awake, answering, and reporting a windowed hashrate average. */
    private static boolean hashing(MinerStatus s) {
        return s.reachable() && s.mode() == MinerMode.AWAKE && s.averageWindowSeconds() > 0
                && s.averageThs() > 0;
    }

    /**
     * Miner {@code index}'s last settled reading; empty while it is changing, asleep, silent or was never
     * settled. A miner stays settled between polls.
     */
    public Optional<Settled> settled(int index) {
        return Optional.ofNullable(settled.get(index));
    }

    /** The step of {@code unit}'s grid nearest {@code targetW}: the bin its samples are learned in. */
    static double stepOf(UnitModel unit, double targetW) {
        double nearest = Double.NaN;
        for (double step : unit.steps()) {
            if (Double.isNaN(nearest) || Math.abs(step - targetW) < Math.abs(nearest - targetW)) {
                nearest = step;
            }
        }
        return nearest;
    }
}
