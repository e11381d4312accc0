package io.containeredge.control.economics;

import static io.containeredge.control.scenario.Events.livePriceAt;
import static io.containeredge.control.scenario.Expectations.allMinersAsleep;
import static io.containeredge.control.scenario.Expectations.allMinersAwake;
import static io.containeredge.control.scenario.Expectations.minerAwake;
import static io.containeredge.control.scenario.Expectations.minerTargetW;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.MinerCommand;
import io.containeredge.control.scenario.Container;
import io.containeredge.control.scenario.Scenario;
import io.containeredge.control.scenario.VirtualFleet;
import io.containeredge.simulator.market.DemoPriceSchedule;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's price steps ({@link DemoPriceSchedule}: 40, 100, 160, 400, back to 40 USD/MWh) on the demo site's
 * models, economics settings and hashprice, in the real loop on the virtual clock: each step is followed within one
 * hold time, the least efficient models (S19j Pro-class, then M56S-class) go to lower power targets first, then to
 * sleep, and come back last. Eight miners of each model: 0-7 S19j Pro-class, 8-15 M56S-class, 16-23 S21-class.
 */
class DemoPriceStepScenarioTest {

    static final List<Integer> S19 = IntStream.range(0, 8).boxed().toList();
    static final List<Integer> M56 = IntStream.range(8, 16).boxed().toList();
    static final List<Integer> S21 = IntStream.range(16, 24).boxed().toList();
    static final List<Double> PRICES = DemoPriceSchedule.CYCLE;

    @TempDir
    Path dir;

    private final SiteConfig demo = SiteDocuments.loadBuiltIn("demo-container").config();
    private final EconomicsSettings settings = demo.economics().orElseThrow();
    private final Map<Integer, UnitModel> demoUnits = SiteUnitModels.of(demo);
    private final EconomicInputs inputs = new EconomicInputs(new Tariff(settings.tariff()),
            Hashprice.configured(settings.hashprice()));
    private final long holdS = settings.holdTime().toSeconds();

    DemoPriceStepScenarioTest() throws Exception {
    }

    /** The demo's units of each model, at the indices of this smaller fleet. */
    private Map<Integer, UnitModel> units() {
        Map<Integer, UnitModel> units = new TreeMap<>();
        S19.forEach(i -> units.put(i, demoUnits.get(0)));
        M56.forEach(i -> units.put(i, demoUnits.get(239)));
        S21.forEach(i -> units.put(i, demoUnits.get(100)));
        return units;
    }

    private static List<MinerCommand> sentSince(Scenario sc, long since) {
        return sc.fleet().sent().stream().filter(c -> c.atMillis() >= since).map(VirtualFleet.Sent::command).toList();
    }

    private static void assertAt(Scenario sc, List<Integer> miners, double watts) {
        miners.forEach(i -> sc.then(minerAwake(i, true), minerTargetW(i, watts)));
    }

    private static void assertAsleep(Scenario sc, List<Integer> miners) {
        miners.forEach(i -> sc.then(minerAwake(i, false)));
    }

    /** A price step, then the hold time less a second with nothing sent, then the plan followed within 5 s more. */
    private long step(Scenario sc, double usdPerMwh) {
        long at = sc.when(livePriceAt(inputs, usdPerMwh, 1)).now();
        sc.runFor(holdS - 1, s);
        assertEquals(List.of(), sentSince(sc, at), "nothing moves before " + usdPerMwh + " USD/MWh held " + holdS + " s");
        sc.runFor(6, s);
        return at;
    }

    @Test
    void theDemosPriceStepsTurnTheLeastEfficientDownThenAsleepWithinOneHoldTimeAndBack() {
        assertEquals(List.of(40.0, 100.0, 160.0, 400.0, 40.0, 40.0), PRICES, "the steps this test checks");
        Map<Integer, UnitModel> units = units();
        EconomicLimit economics = new EconomicLimit(settings, units, inputs);
        Scenario sc = given(Container.container().miners(24, i -> units.get(i).ratedW() / 1000)
                .with(economics, economics::valueOf).dataIn(dir)).at(10, s);
        // 40 USD/MWh, the demo's tariff: every model pays flat out
        assertAt(sc, S19, 3068);
        assertAt(sc, M56, 5512);
        assertAt(sc, S21, 3500);

        // 100: under the S19j Pro-class (~114) and M56S-class (~135) breakevens, they earn most at their lowest targets
        // (the M56S-class's 1650 W, a little under 30 % of its rating: the allocator trims to a model's own lowest)
        long dearer = step(sc, PRICES.get(1));
        assertAt(sc, S19, 1000);
        assertAt(sc, M56, 1650);
        assertAt(sc, S21, 3500);
        assertTrue(sentSince(sc, dearer).stream().allMatch(c -> c.index() < 16), "only the least efficient move");

        // 160: over both breakevens, they sleep, least efficient first; the S21-class (~189) go to their lowest target
        long spike = step(sc, PRICES.get(2));
        assertAsleep(sc, S19);
        assertAsleep(sc, M56);
        assertAt(sc, S21, 1050);
        List<MinerCommand> curtailed = sentSince(sc, spike);
        assertTrue(curtailed.get(0).kind() == MinerCommand.Kind.SLEEP && S19.contains(curtailed.get(0).index()),
                "an S19j Pro-class unit first: " + curtailed);
        String reason = sc.verdict("economics").reason();
        assertTrue(reason.contains("S19j Pro-class units: 8 units asleep"), reason);

        // 400: nothing pays
        step(sc, PRICES.get(3));
        sc.then(allMinersAsleep());

        // back to 40: after the hold, every miner back flat out, the most efficient first
        long back = step(sc, PRICES.get(4));
        sc.runFor(60, s).then(allMinersAwake());
        assertAt(sc, S19, 3068);
        assertAt(sc, M56, 5512);
        assertAt(sc, S21, 3500);
        MinerCommand first = sentSince(sc, back).get(0);
        assertTrue(S21.contains(first.index()), "an S21-class unit restored first: " + first);
    }
}
