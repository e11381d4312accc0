package io.containeredge.control.economics;

import static io.containeredge.control.scenario.Expectations.bindingSays;
import static io.containeredge.control.scenario.Expectations.committedKw;
import static io.containeredge.control.scenario.Expectations.minerAwake;
import static io.containeredge.control.scenario.Expectations.minerTargetW;
import static io.containeredge.control.scenario.Expectations.minersAwake;
import static io.containeredge.control.scenario.Expectations.within;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.scenario.Container;
import io.containeredge.control.scenario.Event;
import io.containeredge.control.scenario.Scenario;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.MinerCurve;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learned curve in the real loop on the virtual clock: the scenario fleet of {@link EconomicsScenarioTest} at a
 * tariff of 70 USD/MWh (the S19j Pro-class units asleep, the S21-class units at 2,800 W), a hold time of 5 minutes.
 * Miner 25, an S21-class unit, is then learned a third down at every power (a dead hashboard): its breakeven falls
 * from 90.7 to 60.8 USD/MWh, under the price. The curve is handed over as the efficiency watch does, between cycles.
 */
class LearnedCurveScenarioTest {

    static final double HOLD_S = 5 * 60;

    @TempDir
    Path dir;

    private final EconomicsSettings settings = Units.settings(70, Duration.ofSeconds((long) HOLD_S),
            Duration.ofMinutes(1), 4);
    private final EconomicLimit economics = new EconomicLimit(settings, Units.mixedFleet(), Units.inputs(settings));

    private Event learned(int miner, MinerCurve curve) {
        return sc -> economics.useCurves(Map.of(miner, curve));
    }

    private static void s21sAt2800Except(Scenario sc, int miner) {
        IntStream.range(20, 40).filter(i -> i != miner).forEach(i -> sc.then(minerTargetW(i, 2800),
                minerAwake(i, true)));
    }

    @Test
    void aUnitLearnedAsDegradedSleepsAfterTheHoldTimeWhileTheHealthyUnitsOfItsModelKeepRunning() {
        Scenario sc = given(Container.container().with(economics, economics::valueOf).dataIn(dir)).at(10, s)
                .then(committedKw(56), minersAwake(20), minerTargetW(25, 2800), minerAwake(25, true));
        s21sAt2800Except(sc, 25);

        sc.when(learned(25, Units.S21.scaledHashrate(0.67))).runFor(HOLD_S - 5, s)
                .then(minerTargetW(25, 2800), minerAwake(25, true), committedKw(56));
        String held = sc.verdict("economics").reason();
        assertTrue(held.contains("[new learned curves held 4 of 5 min before the miners follow]"), held);
        sc.then(within(10, s, minerAwake(25, false)), committedKw(53.2), minersAwake(19));
        s21sAt2800Except(sc, 25);
        sc.then(bindingSays("price 70 USD/MWh <= breakeven 91 USD/MWh for S21 units (1 on learned curves): 1 units "
                + "asleep, 19 at lower power targets"));
    }

    @Test
    void theModelCurveHandedBackWakesTheUnitAgainAfterTheHoldTime() {
        Scenario sc = given(Container.container().with(economics, economics::valueOf).dataIn(dir)).at(10, s);
        sc.when(learned(25, Units.S21.scaledHashrate(0.67))).runFor(HOLD_S + 10, s).then(minerAwake(25, false));
        sc.when(learned(25, Units.S21)).runFor(HOLD_S - 5, s).then(minerAwake(25, false));
        sc.then(within(30, s, minerAwake(25, true)), within(30, s, minerTargetW(25, 2800)), minersAwake(20));
    }
}
