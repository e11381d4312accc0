package io.containeredge.control.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.actuators.PduMap;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.FleetEfficiency;
import io.containeredge.control.api.MinerEfficiency;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.economics.UnitModel;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.miner.MinerStatus;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.site.api.EconomicsSettings.Efficiency;
import io.containeredge.site.api.MinerCurve;
import io.containeredge.site.api.SiteDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The efficiency watch on a virtual clock, cycles every 5 s, with six S21-class units at 3,500 W (200 TH/s on the
 * model's curve) and a net hashprice of 0.05 USD/TH/day. Units hash 200 TH/s unless a test says otherwise.
 */
class EfficiencyWatchTest {

    static final UnitModel S21 = Polls.unit("s21-class");
    static final double HASHPRICE = 0.05;
    static final long CYCLE_MS = 5_000;
    static final long WALL_START = 1_800_000_000_000L;

    @TempDir
    Path dir;

    private final Map<Integer, Double> hashrate = new TreeMap<>();
    private final Map<Integer, Double> power = new TreeMap<>();
    private final List<Integer> asleep = new ArrayList<>();
    /** The effective curves handed to economics, each push. */
    private final List<Map<Integer, MinerCurve>> pushed = new ArrayList<>();
    private EfficiencyWatch watch;
    private long now;
    private List<AlarmCondition> alarms = List.of();

    @BeforeEach
    void sixUnits() throws Exception {
        Map<Integer, UnitModel> units = new TreeMap<>();
        for (int i = 0; i < 6; i++) {
            units.put(i, S21);
            hashrate.put(i, 200.0);
            power.put(i, 3500.0);
        }
        watch = watch(units);
    }

    private EfficiencyWatch watch(Map<Integer, UnitModel> units) throws Exception {
        return watch(units, Efficiency.DEFAULTS);
    }

    private EfficiencyWatch watch(Map<Integer, UnitModel> units, Efficiency settings) throws Exception {
        return new EfficiencyWatch(units, settings, new EfficiencyFile(dir.resolve("efficiency.json")),
                this::polls, new PduMap(SiteDocuments.loadBuiltIn("demo-container").config()), () -> HASHPRICE,
                pushed::add, WALL_START, now);
    }

    private List<MinerStatus> polls() {
        List<MinerStatus> polls = new ArrayList<>();
        hashrate.forEach((i, ths) -> polls.add(asleep.contains(i) ? Polls.asleep(i, now)
                : Polls.hashing(i, 3500, power.get(i), ths, now)));
        return polls;
    }

    private void runFor(Duration d) {
        for (long end = now + d.toMillis(); now < end; now += CYCLE_MS) {
            Verdict v = watch.evaluate(null, new Cycle(new Snapshot(now, List.of()), Map.of(), WALL_START + now, now))
                    .get(0);
            assertFalse(v.limits(), "efficiency never limits");
            alarms = v.alarms();
        }
    }

    private List<String> alarmIds() {
        return alarms.stream().map(AlarmCondition::id).toList();
    }

    @Test
    void aMinerBelowItsCurveByMoreThanTheMarginIsWarnedOfAfterThirtyMinutesNotBefore() {
        hashrate.put(3, 134.0); // a dead hashboard
        hashrate.put(4, 184.0); // 8 % below: within the margin
        runFor(Duration.ofMinutes(30).plusSeconds(30));
        assertEquals(List.of(), alarmIds(), "not before 30 min below");
        MinerEfficiency m = watch.report().miners().get(3);
        assertEquals(WALL_START + 60_000, m.underperformingSinceMillis(), "below its curve since it settled, a "
                + "window after its first poll");
        assertFalse(m.underperforming());
        runFor(Duration.ofMinutes(1));
        assertEquals(List.of("efficiency.underperformer.3"), alarmIds());
        AlarmCondition a = alarms.get(0);
        assertEquals(AlarmCondition.Severity.WARNING, a.severity());
        assertEquals("miner 3 (" + S21.model() + ") below its curve: 134.0 TH/s measured vs 200.0 TH/s expected at "
                + "3,500 W (33 % below), 26.1 J/TH, 3.30 USD/day lost", a.message());
    }

    @Test
    void eachRefreshOfThePollsIsJudgedOnceAndItsVerdictHeldUntilTheNext() throws Exception {
        AtomicReference<List<MinerStatus>> fleet = new AtomicReference<>(polls());
        EfficiencyWatch held = new EfficiencyWatch(Map.of(3, S21), Efficiency.DEFAULTS,
                new EfficiencyFile(dir.resolve("held.json")), fleet::get,
                new PduMap(SiteDocuments.loadBuiltIn("demo-container").config()), () -> HASHPRICE, pushed::add,
                WALL_START, now);
        Verdict first = held.evaluate(null, new Cycle(new Snapshot(now, List.of()), Map.of(), WALL_START + now, now))
                .get(0);
        // the loop's cycles between two refreshes of the fleet's polls: the same verdict, nothing judged again
        for (int i = 1; i <= 8; i++) {
            long t = now + i * 250L;
            assertSame(first, held.evaluate(null, new Cycle(new Snapshot(t, List.of()), Map.of(), WALL_START + t, t))
                    .get(0));
        }
        assertEquals(WALL_START + now, held.report().atMillis(), "the picture of the poll it judged");
        fleet.set(polls()); // the next refresh
        long t = now + 2_250;
        held.evaluate(null, new Cycle(new Snapshot(t, List.of()), Map.of(), WALL_START + t, t));
        assertEquals(WALL_START + t, held.report().atMillis(), "a refresh is judged at the next cycle");
    }

    @Test
    void itClearsWhenTheMinerRecoversOrSleeps() {
        hashrate.put(3, 134.0);
        hashrate.put(5, 150.0);
        runFor(Duration.ofMinutes(32));
        assertEquals(List.of("efficiency.underperformer.3", "efficiency.underperformer.5"), alarmIds());
        hashrate.put(3, 199.0);
        asleep.add(5);
        runFor(Duration.ofMinutes(2));
        assertEquals(List.of(), alarmIds());
        assertNull(watch.report().miners().get(3).underperformingSinceMillis());
        assertEquals(0, watch.report().underperformers().size());
    }

    @Test
    void underperformersAreRankedByLostRevenuePerDay() {
        hashrate.put(1, 170.0);
        hashrate.put(2, 120.0);
        hashrate.put(4, 150.0);
        runFor(Duration.ofMinutes(32));
        FleetEfficiency f = watch.report();
        assertEquals(List.of(2, 4, 1), f.underperformers().stream().map(MinerEfficiency::index).toList());
        assertEquals((200 - 120) * HASHPRICE, f.underperformers().get(0).lostUsdPerDay(), 1e-9);
        assertEquals(List.of(2, 4, 1), alarms.stream().map(a -> Integer.parseInt(a.source().substring(6))).toList());
    }

    @Test
    void theFleetsJoulesPerTerahashAreItsPowerOverItsHashrate() {
        hashrate.put(0, 100.0);
        asleep.add(5);
        runFor(Duration.ofMinutes(2));
        FleetEfficiency f = watch.report();
        assertEquals(4 * 200 + 100, f.hashrateThs(), 1e-9);
        assertEquals(5 * 3500, f.powerW(), 1e-9);
        assertEquals(5 * 3500 / 900.0, f.joulesPerTh(), 1e-9);
        assertEquals(35.0, f.miners().get(0).joulesPerTh(), 1e-9);
        assertEquals(50.0, f.miners().get(0).deficitPct(), 1e-9);
        assertFalse(f.miners().get(5).awake());
    }

    @Test
    void aUnitDrawingMoreThanItsStepIsAJoulesPerTerahashOutlier() {
        power.put(2, 4100.0); // 17 % more power than its 3,500 W step for the same hashrate
        runFor(Duration.ofMinutes(32));
        assertEquals(List.of("efficiency.underperformer.2"), alarmIds());
        assertEquals("J/TH outlier", watch.report().underperformers().get(0).why());
    }

    @Test
    void whatWasLearnedIsSavedEveryFiveMinutesAtMostAndOnClose() throws Exception {
        Path file = dir.resolve("efficiency.json");
        runFor(Duration.ofMinutes(4));
        assertFalse(Files.exists(file), "not before five minutes");
        runFor(Duration.ofMinutes(2));
        assertTrue(Files.exists(file));
        runFor(Duration.ofMinutes(1));
        watch.close(now);
        Map<Integer, UnitModel> units = new TreeMap<>(watch.curves().all().keySet().stream()
                .collect(java.util.stream.Collectors.toMap(i -> i, i -> S21)));
        EfficiencyWatch restarted = watch(units);
        assertEquals(watch.curves().all(), restarted.curves().all());
        assertEquals(6, restarted.curves().all().size());
    }

    @Test
    void theEffectiveCurvesGoToEconomicsAtTheSaveCadenceAndOnlyWhenOneChanged() {
        hashrate.put(3, 134.0); // a dead hashboard: a third down
        runFor(Duration.ofMinutes(4));
        assertEquals(List.of(), pushed, "nothing confident at the first cycle, and no look before five minutes");
        runFor(Duration.ofMinutes(2));
        assertEquals(1, pushed.size(), "its 20 samples learned: pushed at the five-minute look");
        Map<Integer, MinerCurve> curves = pushed.get(0);
        assertEquals(Set.of(0, 1, 2, 3, 4, 5), curves.keySet(), "every modelled miner's effective curve");
        assertEquals(134.0, curves.get(3).hashrateThAt(3500), 1e-9, "the degraded unit's learned point");
        assertEquals(134.0 / 200 * S21.curve().hashrateThAt(S21.curve().minPowerW()),
                curves.get(3).hashrateThAt(S21.curve().minPowerW()), 1e-9, "the model's curve scaled elsewhere");
        assertEquals(200.0, curves.get(0).hashrateThAt(3500), 1e-9);

        runFor(Duration.ofMinutes(10));
        assertEquals(1, pushed.size(), "the same samples give the same curves: nothing new to push");
        hashrate.put(3, 120.0);
        runFor(Duration.ofMinutes(4));
        assertEquals(1, pushed.size(), "not before the next look");
        runFor(Duration.ofMinutes(2));
        assertEquals(2, pushed.size(), "a changed curve is pushed at the next look");
        assertTrue(pushed.get(1).get(3).hashrateThAt(3500) < 134.0, pushed.get(1).get(3).toString());
    }

    @Test
    void aRestoredFileWithConfidentPointsIsPushedAtTheFirstCycle() throws Exception {
        hashrate.put(3, 134.0);
        runFor(Duration.ofMinutes(6));
        watch.close(now);
        pushed.clear();
        Map<Integer, UnitModel> units = new TreeMap<>();
        hashrate.keySet().forEach(i -> units.put(i, S21));
        watch = watch(units);
        runFor(Duration.ofSeconds(5));
        assertEquals(1, pushed.size(), "pushed once at the start");
        assertEquals(134.0, pushed.get(0).get(3).hashrateThAt(3500), 1e-9);
    }

    @Test
    void belowTheMinimumSamplesTheModelCurveStillDecides() throws Exception {
        hashrate.put(3, 134.0);
        Map<Integer, UnitModel> units = new TreeMap<>();
        hashrate.keySet().forEach(i -> units.put(i, S21));
        watch = watch(units, new Efficiency(200, 0.10, Duration.ofMinutes(30), 0.15));
        runFor(Duration.ofMinutes(11));
        assertTrue(watch.curves().samples(3) > 100, "learning: " + watch.curves().samples(3));
        assertEquals(List.of(), pushed, "fewer than 200 samples at any step: the model's curve, nothing pushed");
    }
}
