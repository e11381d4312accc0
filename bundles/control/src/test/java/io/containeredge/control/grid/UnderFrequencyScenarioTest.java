package io.containeredge.control.grid;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.gridFrequencies;
import static io.containeredge.control.scenario.Events.gridFrequency;
import static io.containeredge.control.scenario.Events.gridFrequencyBad;
import static io.containeredge.control.scenario.Expectations.alarmActive;
import static io.containeredge.control.scenario.Expectations.allMinersAsleep;
import static io.containeredge.control.scenario.Expectations.allMinersAwake;
import static io.containeredge.control.scenario.Expectations.minerAwake;
import static io.containeredge.control.scenario.Expectations.minersAwake;
import static io.containeredge.control.scenario.Expectations.noAlarm;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.allocation.MinerValue;
import io.containeredge.control.api.MinerCommand;
import io.containeredge.control.scenario.Expectation;
import io.containeredge.control.scenario.Scenario;
import io.containeredge.control.scenario.VirtualFleet.Sent;
import io.containeredge.site.api.FrequencyGuardSettings;
import io.containeredge.site.api.SiteDocuments;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The under-frequency guard in the real loop on the virtual clock: the demo container's 40 miners of 3.5 kW, the main
 * meter's frequency read once per 250 ms cycle. A dip sheds within two readings by sleep commands; noise does not
 * chatter; an unknown frequency alarms and sheds nothing; the block returns only after the hysteresis and the time,
 * ramped.
 */
class UnderFrequencyScenarioTest {

    private static final double RATED_KW = 40 * 3.5;

    private static FrequencyGuardSettings settings(boolean shedAll, double shedKw, boolean hardCut) {
        return new FrequencyGuardSettings("meter-main", "frequency", Duration.ofMillis(100), 60, 59.7, 2, shedAll,
                shedKw, hardCut, 0.1, Duration.ofSeconds(30), Duration.ofMinutes(1));
    }

    private static FrequencyLimit guard() {
        return new FrequencyLimit(settings(true, 0, false), () -> 0);
    }

    private static Expectation state(FrequencyLimit limit, String state) {
        return sc -> assertEquals(state, limit.status().state(), limit.status().reason());
    }

    private static List<Sent> sent(Scenario sc, MinerCommand.Kind kind, long fromMillis) {
        return sc.fleet().sent().stream().filter(c -> c.command().kind() == kind && c.atMillis() >= fromMillis)
                .toList();
    }

    @Test
    void aDipShedsEveryMinerBySleepWithinTwoReadings() {
        FrequencyLimit limit = guard();
        Scenario sc = given(container().with(limit)).when(gridFrequency(60.0)).at(5, s)
                .then(allMinersAwake(), state(limit, "NORMAL"), noAlarm(FrequencyGuard.UNDER_FREQUENCY));
        long dip = sc.now();
        sc.when(gridFrequency(59.55)).cycle().then(allMinersAwake());
        sc.cycle().then(allMinersAsleep(), state(limit, "SHED"), alarmActive(FrequencyGuard.UNDER_FREQUENCY));
        List<Sent> sleeps = sent(sc, MinerCommand.Kind.SLEEP, dip);
        assertEquals(40, sleeps.size(), sleeps::toString);
        assertTrue(sleeps.stream().allMatch(c -> c.atMillis() == dip + 250), "all at the second reading's cycle");
        assertEquals(List.of(), sent(sc, MinerCommand.Kind.POWER_TARGET, dip), "no power-target trims");
        sc.runFor(10, s).then(allMinersAsleep(), sc2 -> assertTrue(sc2.status().holdWake(), "held asleep"));
        assertEquals(1, limit.status().sheds());
        assertEquals(0, sc.verdict(FrequencyGuard.NAME).maxMinerKw(), 1e-9);
    }

    @Test
    void theDemoSiteConfiguresTheGuardOnItsMainMeter() throws Exception {
        FrequencyLimit demo = FrequencyLimit.forSite(SiteDocuments.loadBuiltIn("demo-container").config(), () -> 100)
                .orElseThrow();
        assertEquals("meter-main", demo.device());
        assertEquals("meter-main/frequency", demo.status().point());
        assertEquals(59.8, demo.status().restoreHz(), 1e-9);
        // the simulator's healthy grid (60 Hz within 0.02 Hz) never sheds
        given(container().with(demo)).when(gridFrequencies(59.98, 60.02, 59.99, 60.0)).at(60, s)
                .then(allMinersAwake(), state(demo, "NORMAL"), noAlarm(FrequencyGuard.BLIND));
    }

    @Test
    void noiseAroundTheThresholdDoesNotChatter() {
        FrequencyLimit limit = guard();
        // single readings under the threshold, never two in a row
        Scenario sc = given(container().with(limit)).when(gridFrequencies(59.69, 59.72, 59.71, 59.68, 59.74))
                .at(60, s).then(allMinersAwake(), state(limit, "NORMAL"));
        assertEquals(List.of(), sent(sc, MinerCommand.Kind.SLEEP, 0));
        // once shed, noise around the restore frequency (59.8 Hz) restores nothing and wakes nothing
        long shed = sc.when(gridFrequency(59.6)).runFor(1, s).then(allMinersAsleep()).now();
        sc.when(gridFrequencies(59.79, 59.83, 59.85, 59.78, 59.9)).runFor(120, s)
                .then(allMinersAsleep(), state(limit, "SHED"));
        assertEquals(40, sent(sc, MinerCommand.Kind.SLEEP, 0).size(), "one sleep per miner");
        assertEquals(List.of(), sent(sc, MinerCommand.Kind.WAKE, shed));
        assertEquals(1, limit.status().sheds());
    }

    @Test
    void anUnknownFrequencyIsAlarmedAndShedsNothing() {
        FrequencyLimit limit = guard();
        given(container().with(limit)).when(gridFrequency(60.0)).at(5, s)
                .when(gridFrequencyBad()).runFor(30, s)
                .then(allMinersAwake(), state(limit, "BLIND"), alarmActive(FrequencyGuard.BLIND),
                        noAlarm(FrequencyGuard.UNDER_FREQUENCY))
                // implausible for a 60 Hz grid (a wrong map), though the meter's range accepts it
                .when(gridFrequency(45.0)).runFor(10, s).then(allMinersAwake(), state(limit, "BLIND"))
                .when(gridFrequency(60.0)).runFor(1, s).then(state(limit, "NORMAL"), noAlarm(FrequencyGuard.BLIND));
    }

    @Test
    void unknownReadingsWhileShedNeverRestore() {
        FrequencyLimit limit = guard();
        given(container().with(limit)).when(gridFrequency(59.5)).at(2, s).then(allMinersAsleep())
                .when(gridFrequency(60.0)).runFor(20, s).when(gridFrequencyBad()).runFor(120, s)
                .then(allMinersAsleep(), state(limit, "SHED"), alarmActive(FrequencyGuard.BLIND),
                        alarmActive(FrequencyGuard.UNDER_FREQUENCY));
    }

    @Test
    void theBlockReturnsOnlyAfterTheHysteresisAndTheTimeRamped() {
        FrequencyLimit limit = guard();
        Scenario sc = given(container().with(limit)).when(gridFrequency(59.5)).at(2, s).then(allMinersAsleep())
                // above the threshold but not by the hysteresis: held, however long
                .when(gridFrequency(59.75)).runFor(90, s).then(allMinersAsleep(), state(limit, "SHED"));
        long recovered = sc.when(gridFrequency(60.0)).now();
        sc.runFor(29.5, s).then(allMinersAsleep(), state(limit, "SHED"));
        sc.runFor(1, s).then(state(limit, "RESTORING"), noAlarm(FrequencyGuard.BLIND));
        // linear over the minute: half way up after half of it (the allocator's own wake ramp is faster)
        double start = sc.verdict(FrequencyGuard.NAME).maxMinerKw();
        sc.at((recovered - Scenario.T0) / 1000.0 + 30 + 30, s);
        double half = sc.verdict(FrequencyGuard.NAME).maxMinerKw();
        assertTrue(start < 0.05 * RATED_KW, "starts from the shed limit: " + start);
        assertEquals(RATED_KW / 2, half, 0.05 * RATED_KW, "half way up the ramp");
        assertTrue(sc.minersAwake() > 0 && sc.minersAwake() < 40, sc.minersAwake() + " awake half way");
        sc.runFor(35, s).then(allMinersAwake(), state(limit, "NORMAL"), noAlarm(FrequencyGuard.UNDER_FREQUENCY));
    }

    @Test
    void aKwBlockShedsTheLeastValuableFirst() {
        FrequencyLimit limit = new FrequencyLimit(settings(false, 35, false), () -> 0);
        // miner i earns i + 1 USD/h per kW: miners 0..9 are the least valuable 35 kW
        Scenario sc = given(container().with(limit, i -> new MinerValue(i + 1, Double.POSITIVE_INFINITY)))
                .when(gridFrequency(60.0)).at(5, s).then(allMinersAwake())
                .when(gridFrequency(59.4)).runFor(0.5, s).then(minersAwake(30), state(limit, "SHED"));
        IntStream.range(0, 40).forEach(i -> sc.then(minerAwake(i, i >= 10)));
        assertEquals(RATED_KW - 35, sc.verdict(FrequencyGuard.NAME).maxMinerKw(), 1e-6);
        assertEquals(List.of(), sent(sc, MinerCommand.Kind.POWER_TARGET, 0), "whole miners to sleep, no trims");
    }

    @Test
    void aHardCutCutsTheShedMinersSocketsAtOnce() {
        FrequencyLimit limit = new FrequencyLimit(settings(true, 0, true), () -> 0);
        Scenario sc = given(container().with(limit)).when(gridFrequency(60.0)).at(5, s)
                .when(gridFrequency(59.5)).cycle().cycle();
        IntStream.range(0, 40).forEach(i -> assertTrue(sc.isCut(i), "miner " + i + " cut at the shed"));
        assertEquals(40, sent(sc, MinerCommand.Kind.SLEEP, 0).size(), "and sent to sleep");
    }
}
