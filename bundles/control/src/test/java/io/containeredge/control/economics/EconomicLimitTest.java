package io.containeredge.control.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.allocation.Arbiter;
import io.containeredge.control.allocation.MinerValue;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.limit.LimitSource;
import io.containeredge.control.limit.LimitSources;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.MinerCurve;
import io.containeredge.site.api.MinerFleetConfig;
import io.containeredge.site.api.MinerCurve.Point;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The economic limit's verdict: its limit, its reason with the numbers, its alarm, and that it is soft. */
class EconomicLimitTest {

    /** 08:00 UTC on a Friday. */
    static final long WALL = 1_800_000_000_000L;
    static final long HOUR = Duration.ofHours(1).toMillis();
    /** 40 miners of 3.5 kW and a 20 kW rack. */
    static final ContainerInputs IN = new ContainerInputs(0, List.of(), null, 150, 160);

    /** An S21-class unit at its best at 15 J/TH (1,750 W): breakeven 97 USD/MWh at 0.035 USD/TH/day. */
    static UnitModel s21At15JPerTh() {
        return new UnitModel("S21", new MinerCurve(List.of(new Point(1750, 116.67), new Point(3500, 200))), 1750,
                3500, 100, 3500);
    }

    private static Map<Integer, UnitModel> fleetOf(UnitModel unit) {
        Map<Integer, UnitModel> units = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            units.put(i, unit);
        }
        return units;
    }

    private static Verdict evaluate(EconomicLimit limit, long wall, long now) {
        return limit.evaluate(IN, new Cycle(null, Map.of(), wall, now)).get(0);
    }

    private static EconomicInputs liveAt(double usdPerMwh) {
        EconomicInputs inputs = Units.inputs(Units.settings(40, Duration.ZERO, Duration.ZERO, 4));
        inputs.updatePrices(new PriceSlots(List.of(new PriceSlots.Slot(WALL, Duration.ofMinutes(15), usdPerMwh)),
                WALL));
        return inputs;
    }

    @Test
    void aPriceAboveTheBreakevenPutsTheUnitsToSleepAndSaysSoWithItsNumbers() {
        EconomicLimit limit = new EconomicLimit(Units.settings(40, Duration.ZERO, Duration.ZERO, 4),
                fleetOf(s21At15JPerTh()), liveAt(112));
        Verdict v = evaluate(limit, WALL, 0);
        assertEquals(Verdict.Strength.SOFT, v.strength());
        assertEquals("economics", v.guard());
        assertEquals(20, v.maxMinerKw(), 1e-9, "the rack's 20 kW: every unit asleep");
        assertTrue(v.reason().startsWith("price 112 USD/MWh > breakeven 97 USD/MWh for S21 units: 40 units asleep"),
                v.reason());
        assertTrue(v.reason().contains("(live slot 08:00)"), v.reason());
        assertEquals(new MinerValue(Valuation.usdPerHourPerKw(s21At15JPerTh(), 0.035, 112), 0), limit.valueOf(3));
        assertSame(MinerValue.UNPRICED, limit.valueOf(40), "a miner without a model is not priced");
    }

    @Test
    void cheapPowerLimitsNothingAndThePriceFallsBackToTheTariffPastItsSlot() {
        EconomicLimit limit = new EconomicLimit(Units.settings(40, Duration.ZERO, Duration.ZERO, 4),
                fleetOf(s21At15JPerTh()), liveAt(112));
        Verdict v = evaluate(limit, WALL + Duration.ofMinutes(15).toMillis(), 0);
        assertEquals(Double.POSITIVE_INFINITY, v.maxMinerKw(), "no limit while every unit runs flat out");
        assertFalse(v.limits());
        assertTrue(v.reason().startsWith("every unit runs flat out at price 40 USD/MWh"), v.reason());
        assertTrue(v.reason().contains("tariff base; live prices ended at 08:15"), v.reason());
    }

    @Test
    void lowerPowerTargetsTakeOnlyWhatTheyLeaveOffTheRatings() {
        EconomicLimit limit = new EconomicLimit(Units.settings(70, Duration.ZERO, Duration.ZERO, 4),
                Units.mixedFleet(), Units.inputs(Units.settings(70, Duration.ZERO, Duration.ZERO, 4)));
        Verdict v = evaluate(limit, WALL, 0);
        // at 70 USD/MWh the S21s run at 2,800 W, the S19s sleep: 160 - 20 x 0.7 - 20 x 3.5 kW
        assertEquals(160 - 14 - 70, v.maxMinerKw(), 1e-9);
        assertTrue(v.reason().contains("price 70 USD/MWh <= breakeven 91 USD/MWh for S21 units: 20 units at lower "
                + "power targets"), v.reason());
        assertTrue(v.reason().contains("price 70 USD/MWh > breakeven 60 USD/MWh for S19j Pro units: 20 units asleep"),
                v.reason());
        assertTrue(limit.valueOf(20).valuePerKw() > limit.valueOf(0).valuePerKw(), "S21 first, S19 last");
        assertEquals(2800, limit.valueOf(20).stepW());
        assertEquals(0, limit.valueOf(0).stepW());
    }

    @Test
    void aStaleHashpriceIsAlarmedAndStillTheOneUsed() {
        EconomicInputs inputs = liveAt(112);
        // received at 08:00, good for an hour; at 0.07 USD/TH/day 112 USD/MWh pays
        inputs.updateHashprice(Hashprice.received(0.07, 0, WALL, Duration.ofHours(1)));
        EconomicLimit limit = new EconomicLimit(Units.settings(112, Duration.ZERO, Duration.ZERO, 4),
                fleetOf(s21At15JPerTh()), inputs);
        assertTrue(evaluate(limit, WALL, 0).alarms().isEmpty());
        Verdict later = evaluate(limit, WALL + 2 * HOUR, 2 * HOUR);
        AlarmCondition stale = later.alarms().get(0);
        assertEquals("economics.hashprice-stale", stale.id());
        assertEquals(AlarmCondition.Severity.WARNING, stale.severity());
        assertTrue(later.reason().contains("hashprice 0.0700 USD/TH/day, pool fee 0.0 %, STALE: kept"), later.reason());
        assertEquals(Double.POSITIVE_INFINITY, later.maxMinerKw(), "the kept hashprice still says the units pay");
    }

    @Test
    void aPriceChangeMovesTheLimitOnlyAfterTheHoldTime() {
        EconomicInputs inputs = Units.inputs(Units.settings(30, Duration.ofMinutes(15), Duration.ZERO, 4));
        EconomicLimit limit = new EconomicLimit(Units.settings(30, Duration.ofMinutes(15), Duration.ZERO, 4),
                Units.mixedFleet(), inputs);
        assertEquals(Double.POSITIVE_INFINITY, evaluate(limit, WALL, 0).maxMinerKw());
        inputs.updatePrices(new PriceSlots(List.of(new PriceSlots.Slot(WALL, Duration.ofMinutes(15), 100),
                new PriceSlots.Slot(WALL + 15 * 60_000, Duration.ofMinutes(15), 100)), WALL));
        assertEquals(Double.POSITIVE_INFINITY, evaluate(limit, WALL + 60_000, 60_000).maxMinerKw(), "seen, held");
        Verdict held = evaluate(limit, WALL + 15 * 60_000, 15 * 60_000);
        assertEquals(Double.POSITIVE_INFINITY, held.maxMinerKw());
        assertTrue(held.reason().contains("[new prices held 14 of 15 min before the miners follow]"), held.reason());
        assertEquals(20, evaluate(limit, WALL + 16 * 60_000, 16 * 60_000).maxMinerKw(), 1e-9, "all asleep");
    }

    @Test
    void aSiteHasAnEconomicLimitOnlyWithAnEconomicsSection() throws Exception {
        SiteConfig demo = SiteDocuments.loadBuiltIn("demo-container").config();
        assertEquals(Optional.empty(), EconomicLimit.forSite(withFleetAndEconomics(demo, demo.miners(),
                Optional.empty())), "without the section the site runs as before");
        EconomicLimit priced = EconomicLimit.forSite(demo).orElseThrow();
        assertEquals(demo.miners().count(), priced.priced(), "every demo miner has a model");
        assertEquals(40, priced.inputs().energyPrice(WALL).usdPerMwh(), "the demo's tariff");

        SiteConfig generic = withFleetAndEconomics(demo, new MinerFleetConfig(240, "127.0.0.1", 14100, 3500, 20),
                Optional.of(Units.settings(45, Duration.ofMinutes(15), Duration.ofMinutes(10), 4)));
        EconomicLimit limit = EconomicLimit.forSite(generic).orElseThrow();
        assertEquals(45, limit.inputs().energyPrice(WALL).usdPerMwh(), "the site's tariff");
        assertEquals(0.035, limit.inputs().hashprice().usdPerThDay(), "its configured hashprice");
        Verdict v = evaluate(limit, WALL, 0);
        assertEquals(Double.POSITIVE_INFINITY, v.maxMinerKw(), "no miner model in the site: nothing priced");
        assertEquals("no miner with a known model and curve: nothing to price", v.reason());
    }

    private static SiteConfig withFleetAndEconomics(SiteConfig s, MinerFleetConfig miners,
            Optional<EconomicsSettings> economics) {
        return new SiteConfig(s.site(), s.container(), s.description(), s.connections(), s.devices(), miners,
                s.limits(), s.api(), s.simulation(), s.control(), economics);
    }

    @Test
    void safetyAndGridLimitsAlwaysWinOverTheEconomicOne() {
        EconomicLimit limit = new EconomicLimit(Units.settings(70, Duration.ZERO, Duration.ZERO, 4),
                Units.mixedFleet(), Units.inputs(Units.settings(70, Duration.ZERO, Duration.ZERO, 4)));
        Cycle cycle = new Cycle(null, Map.of(), WALL, 0);
        Arbiter.Decision thermal = LimitSources.of(LimitSource.hard((in, c) -> List.of(new Verdict("thermal", 50,
                false, "supply 41 C", List.of()))), limit).decide(IN, cycle);
        assertEquals(50, thermal.maxMinerKw(), 1e-9, "the hard 50 kW under the economic 76 kW");
        assertEquals("thermal", thermal.binding().guard());
        Arbiter.Decision economic = LimitSources.of(LimitSource.hard((in, c) -> List.of(new Verdict("power", 120,
                false, "import cap", List.of()))), limit).decide(IN, cycle);
        assertEquals(76, economic.maxMinerKw(), 1e-9, "the economic limit lowers what the hard one allows");
        assertEquals("economics", economic.binding().guard());
        assertEquals(Verdict.Strength.SOFT, economic.binding().strength());
    }
}
