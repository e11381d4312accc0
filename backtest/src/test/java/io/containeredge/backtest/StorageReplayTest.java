package io.containeredge.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.economics.PriceSlots;
import io.containeredge.control.replay.MeterSlot;
import io.containeredge.control.replay.Replay;
import io.containeredge.control.replay.ReplayInputs;
import io.containeredge.control.replay.ReplayResult;
import io.containeredge.control.replay.SiteEnergy;
import io.containeredge.control.replay.Strategy;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.PlannerSettings;
import io.containeredge.site.api.SiteConfig;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The site around one S21-class miner (3.5 kW exactly on its curve) in 15-minute slots: a 2 kW firm load, a battery
 * of 10 kWh and 5 kW (round trip 0.94, starting at 50 %), a PV plant, export. Each test says which of these it has.
 */
class StorageReplayTest {

    private static final double FIRM_KW = 2;
    private static final double MINER_KW = 3.5;
    private static final double HASHPRICE = 0.05;
    private static final PlannerSettings.Storage BATTERY = new PlannerSettings.Storage(10, 10, 95, 5, 5, 0.94, 20);

    private record Run(ReplayResult result, List<MeterSlot> slots) {
    }

    /** The miner's site with an economics section whose tariff (40 USD/MWh) prices the plan's hours past the prices. */
    private static SiteConfig site() throws Exception {
        SiteConfig s = Sites.oneS21(true);
        EconomicsSettings economics = new EconomicsSettings(new EconomicsSettings.Tariff(ZoneOffset.UTC, 40, List.of(),
                0, Optional.empty()), new EconomicsSettings.Hashprice(HASHPRICE, 0, Duration.ofDays(1)),
                EconomicsSettings.DEFAULT_HOLD_TIME, EconomicsSettings.DEFAULT_MIN_DWELL,
                EconomicsSettings.DEFAULT_MAX_STATE_CHANGES_PER_HOUR);
        return new SiteConfig(s.site(), s.container(), s.description(), s.connections(), s.devices(), s.miners(),
                s.limits(), s.api(), s.simulation(), s.control(), Optional.of(economics));
    }

    private static SiteEnergy energy(Optional<PlannerSettings.Storage> battery, PlannerSettings.Export export,
            double pvKw, double importCapKw) {
        PlannerSettings planner = new PlannerSettings(battery, export, pvKw, Optional.empty(), FIRM_KW,
                Duration.ofMinutes(15), PlannerSettings.DEFAULT_SOLVE_TIME_LIMIT,
                PlannerSettings.DEFAULT_FORECAST_ERROR_KW, PlannerSettings.Derating.DEFAULT);
        return new SiteEnergy(planner, importCapKw, 25, 50, wallMillis -> pvKw);
    }

    private static Run replay(Strategy strategy, SiteEnergy energy, double... usdPerMwh) throws Exception {
        SiteConfig site = site();
        List<PriceSlots.Slot> prices = new ArrayList<>();
        for (int i = 0; i < usdPerMwh.length; i++) {
            prices.add(new PriceSlots.Slot(i * 900_000L, Duration.ofMinutes(15), usdPerMwh[i]));
        }
        ReplayInputs in = new ReplayInputs(prices, new TreeMap<>(Map.of(0L, HASHPRICE)), 0);
        List<MeterSlot> slots = new ArrayList<>();
        ReplayResult r = Replay.run(site, strategy, in, new VirtualFleet(site, 0), energy, slots::add);
        return new Run(r, slots);
    }

    private static double[] flat(int slots, double usdPerMwh) {
        double[] prices = new double[slots];
        Arrays.fill(prices, usdPerMwh);
        return prices;
    }

    @Test
    void thePlanChargesInTheCheapSlotAndDischargesInTheDearOne() throws Exception {
        double[] prices = flat(24, 40);
        prices[4] = -30;
        prices[16] = 800;
        Run r = replay(Strategy.PLAN, energy(Optional.of(BATTERY), PlannerSettings.Export.NONE, 0, 100), prices);
        assertTrue(r.slots().get(4).batteryKw() < -1, "charging at -30 USD/MWh: " + r.slots().get(4));
        assertTrue(r.slots().get(16).batteryKw() > 1, "discharging at 800 USD/MWh: " + r.slots().get(16));
        assertTrue(r.result().site().plans() >= 24 && r.result().site().planFailures() == 0, r.result().toString());
        Run idle = replay(Strategy.VALUE, energy(Optional.of(BATTERY), PlannerSettings.Export.NONE, 0, 100), prices);
        assertEquals(0, idle.result().site().throughputMwh(), "the value strategy leaves the battery idle");
        assertTrue(r.result().site().cycles() > 0, r.result().toString());
    }

    @Test
    void thePlanNeverImportsAboveTheCapWhereRunningEverythingWould() throws Exception {
        SiteEnergy capped = energy(Optional.of(BATTERY), PlannerSettings.Export.NONE, 0, 4);
        Run plan = replay(Strategy.PLAN, capped, flat(16, 40));
        for (MeterSlot s : plan.slots()) {
            assertTrue(s.importKw() <= 4 + 1e-6, "over the 4 kW cap: " + s);
        }
        assertTrue(plan.result().site().maxImportKw() <= 4 + 1e-6, plan.result().toString());
        assertEquals(FIRM_KW + MINER_KW, replay(Strategy.ALWAYS_ON, capped, flat(16, 40)).result().site()
                .maxImportKw(), 1e-9, "the replay does not hold always-on to the cap: the test could fail");
    }

    @Test
    void theRuleBatteryRechargesTo80PercentFromTheHeadroomOnly() throws Exception {
        // 57 kW cap less the guard's 50 kW charge margin less 5.5 kW of load: 1.5 kW of headroom
        Run r = replay(Strategy.RULE_BATTERY, energy(Optional.of(BATTERY), PlannerSettings.Export.NONE, 0, 57),
                flat(96, 40));
        MeterSlot first = r.slots().get(0);
        assertEquals(-1.5, first.batteryKw(), 1e-9, first.toString());
        assertEquals(FIRM_KW + MINER_KW + 1.5, first.importKw(), 1e-9);
        double topSoc = r.slots().stream().mapToDouble(MeterSlot::socPctEnd).max().orElseThrow();
        assertEquals(80, topSoc, 1e-9, "charged to 80 % and no further");
        assertEquals(80, r.slots().get(95).socPctEnd(), 1e-9);
        assertEquals(0, r.slots().get(95).batteryKw(), 1e-9, "idle at 80 %");
    }

    @Test
    void theRuleBatteryDischargesOnlyWhatIsAboveTheCap() throws Exception {
        Run r = replay(Strategy.RULE_BATTERY, energy(Optional.of(BATTERY), PlannerSettings.Export.NONE, 0, 4),
                flat(4, 40));
        for (MeterSlot s : r.slots()) {
            assertEquals(1.5, s.batteryKw(), 1e-9, "5.5 kW of load over the 4 kW cap: " + s);
            assertEquals(4, s.importKw(), 1e-9);
        }
    }

    @Test
    void pvBeyondTheLoadIsExportedUpToTheLimitAndTheRestCurtailed() throws Exception {
        // 10 kW of PV against 5.5 kW of load: 3 kW exported at the market, 1.5 kW curtailed, for an hour
        Run r = replay(Strategy.ALWAYS_ON, energy(Optional.empty(),
                new PlannerSettings.Export(3, PlannerSettings.ExportPrice.MARKET, 0), 10, 100), flat(4, 40));
        assertEquals(0, r.result().site().importMwh(), 1e-12);
        assertEquals(0, r.result().energyCostUsd(), 1e-12);
        assertEquals(3e-3, r.result().site().exportMwh(), 1e-12);
        assertEquals(3e-3 * 40, r.result().site().exportUsd(), 1e-12);
        assertEquals(1.5e-3, r.result().site().pvCurtailedMwh(), 1e-12);
        assertEquals(8.5e-3, r.result().site().pvUsedMwh(), 1e-12);
        assertEquals(r.result().revenueUsd() + 3e-3 * 40, r.result().profitUsd(), 1e-12);
        Run fixed = replay(Strategy.ALWAYS_ON, energy(Optional.empty(),
                new PlannerSettings.Export(3, PlannerSettings.ExportPrice.FIXED, 30), 10, 100), flat(4, 40));
        assertEquals(3e-3 * 30, fixed.result().site().exportUsd(), 1e-12);
    }
}
