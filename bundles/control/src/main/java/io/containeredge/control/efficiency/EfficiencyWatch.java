package io.containeredge.control.efficiency;

import io.containeredge.control.actuators.PduMap;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.FleetEfficiency;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.economics.UnitModel;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.limit.LimitSource;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.control.miner.MinerMode;
import io.containeredge.control.miner.MinerStatus;
import io.containeredge.site.api.EconomicsSettings.Efficiency;
import io.containeredge.site.api.MinerCurve;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measured efficiency in the control cycle: at the first cycle after each refresh of the fleet's polls it hands
 * them to the {@link EfficiencyLearner}, judges the {@link Underperformers}, and publishes the
 * {@link FleetEfficiency}. It runs as a soft limit source that never limits: its verdict carries only the
 * underperformers' warnings (the same verdict every cycle until the next refresh), so they are raised and cleared
 * with the cycle like every other alarm. The learned curves are saved at most every
 * {@link #SAVE_EVERY_MILLIS} when something new was learned, and on {@link #close}. At the same cadence, and on the
 * first cycle, each miner's effective curve (learned where it has enough samples) goes to the economics, when one
 * changed ({@link CurvePush}); the underperformers are still judged against the model curves.
 */
public final class EfficiencyWatch implements LimitSource {

    public static final String NAME = "efficiency";
    static final long SAVE_EVERY_MILLIS = 5 * 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(EfficiencyWatch.class);

    private final Map<Integer, UnitModel> units;
    private final EfficiencyLearner learner;
    private final Underperformers underperformers;
    private final EfficiencyFile file;
    private final Supplier<List<MinerStatus>> polls;
    private final PduMap pdus;
    private final DoubleSupplier netHashprice;
    private final CurvePush curvePush;
    private volatile FleetEfficiency last = FleetEfficiency.NONE;
    /** The polls judged last (the fleet's list, replaced by each refresh) and the verdict they gave. */
    private List<MinerStatus> judged;
    private List<Verdict> verdicts = List.of();
    private boolean unsaved;
    private long savedAtMillis;
    private String saveError;

    /**
     * @param units the modelled miners by index
     * @param polls the miners' latest polls
     * @param netHashprice USD per TH/s per day after the pool fee (NaN without economics): values lost hashrate
     * @param curvesTo takes the miners' effective curves by index, on the cycle's thread, when they changed
     * @param nowMillis monotonic time: the first save is due {@link #SAVE_EVERY_MILLIS} after it
     */
    public EfficiencyWatch(Map<Integer, UnitModel> units, Efficiency settings, EfficiencyFile file,
            Supplier<List<MinerStatus>> polls, PduMap pdus, DoubleSupplier netHashprice,
            Consumer<Map<Integer, MinerCurve>> curvesTo, long wallMillis, long nowMillis) {
        this.units = new TreeMap<>(units);
        LearnedCurves curves = new LearnedCurves();
        curves.restore(file.load(wallMillis), this.units);
        this.learner = new EfficiencyLearner(this.units, curves);
        this.underperformers = new Underperformers(settings);
        this.file = file;
        this.polls = polls;
        this.pdus = pdus;
        this.netHashprice = netHashprice;
        this.curvePush = new CurvePush(this.units, settings.minSamples(), curvesTo);
        this.savedAtMillis = nowMillis;
    }

    @Override
    public Verdict.Strength strength() {
        return Verdict.Strength.SOFT;
    }

    @Override
    public List<Verdict> evaluate(ContainerInputs in, Cycle cycle) {
        List<MinerStatus> now = polls.get();
        // the miners are polled every few seconds, the loop runs several times a second: judge each poll once
        if (now != judged) {
            judged = now;
            verdicts = judge(now, cycle);
        }
        if (unsaved && cycle.nowMillis() - savedAtMillis >= SAVE_EVERY_MILLIS) {
            save(cycle.nowMillis());
        }
        curvePush.offer(learner.curves(), cycle.nowMillis());
        return verdicts;
    }

    /** Learns from new polls, judges the underperformers and publishes the picture; the verdict carries them. */
    private List<Verdict> judge(List<MinerStatus> now, Cycle cycle) {
        Map<Integer, MinerStatus> byIndex = new HashMap<>();
        now.forEach(s -> byIndex.put(s.index(), s));
        IntToDoubleFunction meteredW = index -> pdus.socketPowerW(cycle.snapshot(), index);
        unsaved |= learner.observe(List.copyOf(byIndex.values()), meteredW, cycle.nowMillis());
        Map<Integer, Settled> readings = new HashMap<>();
        Set<Integer> hashing = new HashSet<>();
        units.keySet().forEach(index -> {
            learner.settled(index).ifPresent(r -> readings.put(index, r));
            MinerStatus s = byIndex.get(index);
            if (s != null && s.reachable() && s.mode() == MinerMode.AWAKE) {
                hashing.add(index);
            }
        });
        underperformers.update(units, readings, hashing, cycle.nowMillis());
        FleetEfficiency report = EfficiencyReport.of(units, new EfficiencyReport.Inputs(cycle.wallMillis(),
                cycle.nowMillis(), byIndex, meteredW, learner.curves(), underperformers, netHashprice.getAsDouble()));
        last = report;
        List<AlarmCondition> alarms = report.underperformers().stream().map(EfficiencyReport::alarm).toList();
        String reason = String.format(Locale.ROOT, "fleet %.1f J/TH at %,.0f TH/s, %d underperformer(s)",
                report.joulesPerTh(), report.hashrateThs(), alarms.size());
        return List.of(new Verdict(NAME, Double.POSITIVE_INFINITY, false, reason, alarms, Verdict.Strength.SOFT,
                null));
    }

    /** The picture of the last cycle: readable from any thread. */
    public FleetEfficiency report() {
        return last;
    }

    /** What has been learned so far. */
    public LearnedCurves curves() {
        return learner.curves();
    }

    private void save(long nowMillis) {
        try {
            file.save(learner.curves().all());
            unsaved = false;
            saveError = null;
        } catch (IOException | RuntimeException e) {
            if (saveError == null) {
                LOG.warn("efficiency file {} not written, tried again in {} min: {}", file.file(),
                        SAVE_EVERY_MILLIS / 60_000, e.toString());
            }
            saveError = e.toString();
        }
        savedAtMillis = nowMillis;
    }

    /** Saves what was learned since the last save; call once the cycles have stopped. */
    public void close(long nowMillis) {
        if (unsaved) {
            save(nowMillis);
        }
    }
}
