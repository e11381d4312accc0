package io.containeredge.control.economics;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.coolantSupplyAt;
import static io.containeredge.control.scenario.Events.livePriceAt;
import static io.containeredge.control.scenario.Expectations.allMinersAwake;
import static io.containeredge.control.scenario.Expectations.bindingGuard;
import static io.containeredge.control.scenario.Expectations.bindingSays;
import static io.containeredge.control.scenario.Expectations.committedKw;
import static io.containeredge.control.scenario.Expectations.minerAwake;
import static io.containeredge.control.scenario.Expectations.minerTargetW;
import static io.containeredge.control.scenario.Expectations.minersAwake;
import static io.containeredge.control.scenario.Expectations.minersWakeAtTheRampFor;
import static io.containeredge.control.scenario.Expectations.thermalStage;
import static io.containeredge.control.scenario.Expectations.within;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.MinerCommand;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.scenario.Container;
import io.containeredge.control.scenario.Scenario;
import io.containeredge.control.scenario.VirtualFleet;
import io.containeredge.site.api.EconomicsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The economic limit in the real loop on the virtual clock: 40 miners of 3.5 kW, 0-19 S19j Pro-class and 20-39
 * S21-class ({@link Units}: the least efficient are not the last by index, which the allocator curtails first
 * without economics), a tariff of 30 USD/MWh, a hold time of 5 minutes.
 */
class EconomicsScenarioTest {

    static final double HOLD_S = 5 * 60;
    static final List<Integer> S19 = IntStream.range(0, 20).boxed().toList();
    static final List<Integer> S21 = IntStream.range(20, 40).boxed().toList();

    @TempDir
    Path dir;

    private final EconomicsSettings settings = Units.settings(30, Duration.ofSeconds((long) HOLD_S),
            Duration.ofMinutes(1), 4);
    private final EconomicInputs inputs = Units.inputs(settings);
    private final EconomicLimit economics = new EconomicLimit(settings, Units.mixedFleet(), inputs);

    private Container container() {
        return Container.container().with(economics, economics::valueOf).dataIn(dir);
    }

    /** The commands sent since a virtual time, in order. */
    private static List<MinerCommand> sentSince(Scenario sc, long since) {
        return sc.fleet().sent().stream().filter(c -> c.atMillis() >= since).map(VirtualFleet.Sent::command).toList();
    }

    private static void assertTargets(Scenario sc, List<Integer> miners, double watts) {
        miners.forEach(i -> sc.then(minerTargetW(i, watts), minerAwake(i, true)));
    }

    @Test
    void aPriceSpikeTurnsTheLeastEfficientDownFirstThenToSleepAfterTheHoldTimeAndBackAtTheWakeRamp() {
        Scenario sc = given(container()).at(10, s).then(allMinersAwake(), committedKw(140));
        assertEquals(Double.POSITIVE_INFINITY, sc.verdict("economics").maxMinerKw(), "30 USD/MWh: every unit pays");

        // 40 USD/MWh: the S19s earn most at 2,700 W, the S21s still flat out
        long spike = sc.when(livePriceAt(inputs, 40, 6)).now();
        sc.runFor(HOLD_S - 1, s).then(committedKw(140));
        assertEquals(List.of(), sentSince(sc, spike), "nothing moves before the price has held for the hold time");
        sc.then(within(2, s, committedKw(124)));
        assertTargets(sc, S19, 2700);
        assertTargets(sc, S21, 3500);
        sc.then(bindingSays("economics: price 40 USD/MWh <= breakeven 60 USD/MWh for S19j Pro units: 20 units at "
                + "lower power targets"));

        // 70 USD/MWh: the S19s lose money at every step and sleep, first; the S21s go down to 2,800 W
        long dearer = sc.when(livePriceAt(inputs, 70, 6)).now();
        sc.runFor(HOLD_S + 1, s).then(committedKw(56), minersAwake(20));
        S19.forEach(i -> sc.then(minerAwake(i, false)));
        assertTargets(sc, S21, 2800);
        List<MinerCommand> curtailed = sentSince(sc, dearer);
        assertTrue(curtailed.subList(0, 20).stream().allMatch(c -> c.kind() == MinerCommand.Kind.SLEEP
                && c.index() < 20), "the least efficient first: " + curtailed);
        sc.then(bindingSays("price 70 USD/MWh > breakeven 60 USD/MWh for S19j Pro units: 20 units asleep"));

        // back to the tariff's 30 USD/MWh: after the hold, back at the wake ramp, the most efficient first
        long cheaper = sc.when(livePriceAt(inputs, 30, 6)).now();
        sc.runFor(HOLD_S - 1, s).then(committedKw(56));
        sc.then(minersWakeAtTheRampFor(20, s), allMinersAwake(), committedKw(140));
        List<MinerCommand> restored = sentSince(sc, cheaper);
        assertTrue(restored.get(0).kind() == MinerCommand.Kind.POWER_TARGET && restored.get(0).index() >= 20,
                "the S21s raised before any S19 wakes: " + restored);
        assertTargets(sc, S19, 3500);
    }

    @Test
    void aMinerWokenBelowItsRatingIsWokenAtItsStep() {
        // 70 USD/MWh from the start: the first plan is followed at once
        EconomicsSettings dear = Units.settings(70, Duration.ofSeconds((long) HOLD_S), Duration.ofMinutes(1), 4);
        EconomicInputs prices = Units.inputs(dear);
        EconomicLimit limit = new EconomicLimit(dear, Units.mixedFleet(), prices);
        Scenario sc = given(Container.container().with(limit, limit::valueOf).dataIn(dir)).at(10, s)
                .then(committedKw(56), minersAwake(20));
        // 40 USD/MWh: the S19s earn most at 2,700 W, so they wake at 2,700 W, not at their rating
        sc.when(livePriceAt(prices, 40, 6)).runFor(HOLD_S + 5, s).then(allMinersAwake(), committedKw(124));
        assertTargets(sc, S19, 2700);
        assertTargets(sc, S21, 3500);
    }

    @Test
    void aSpikeShorterThanTheHoldTimeMovesNoMiner() {
        Scenario sc = given(container()).at(10, s);
        long spike = sc.when(livePriceAt(inputs, 500, 1)).now();
        sc.runFor(HOLD_S - 30, s);
        assertTrue(sc.verdict("economics").reason().contains("[new prices held 4 of 5 min before the miners follow]"),
                sc.verdict("economics").reason());
        sc.when(livePriceAt(inputs, 30, 1)).runFor(2 * HOLD_S, s);
        assertEquals(List.of(), sentSince(sc, spike));
        sc.then(allMinersAwake(), committedKw(140));
    }

    @Test
    void aThermalWarningDuringCheapPowerStillWinsAndCurtailsTheLeastEfficientFirst() {
        Scenario sc = given(container()).at(10, s);
        long warm = sc.when(coolantSupplyAt(41)).now();
        sc.then(within(2, s, bindingGuard("thermal")), thermalStage("WARNING"));
        Verdict economic = sc.verdict("economics");
        assertEquals(Verdict.Strength.SOFT, economic.strength());
        assertEquals(Double.POSITIVE_INFINITY, economic.maxMinerKw(), "cheap power: economics limits nothing");
        sc.runFor(1, s);
        List<MinerCommand> curtailed = sentSince(sc, warm);
        assertTrue(!curtailed.isEmpty() && curtailed.stream().allMatch(c -> c.index() < 20),
                "the thermal curtailment takes the S19s first: " + curtailed);
    }
}
