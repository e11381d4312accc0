package io.containeredge.control.planner;

import static io.containeredge.control.scenario.Events.batterySocAt;
import static io.containeredge.control.scenario.Events.importCapOverride;
import static io.containeredge.control.scenario.Events.reading;
import static io.containeredge.control.scenario.Expectations.alarmActive;
import static io.containeredge.control.scenario.Expectations.noAlarm;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.economics.EconomicInputs;
import io.containeredge.control.economics.EconomicLimit;
import io.containeredge.control.economics.EnergyPrice;
import io.containeredge.control.economics.Hashprice;
import io.containeredge.control.economics.PriceSlots;
import io.containeredge.control.economics.SiteUnitModels;
import io.containeredge.control.economics.Tariff;
import io.containeredge.control.economics.UnitModel;
import io.containeredge.control.scenario.Container;
import io.containeredge.control.scenario.Event;
import io.containeredge.control.scenario.Scenario;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.PlannerSettings;
import io.containeredge.site.api.PlannerSettings.Derating;
import io.containeredge.site.api.PlannerSettings.Export;
import io.containeredge.site.api.PlannerSettings.Storage;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner in the real control loop on the virtual clock: given the demo site's models (8 units each of the
 * S19j Pro-, M56S- and S21-class), its economics and a 500 kWh / 250 kW battery at 50 %, with energy at 20 USD/MWh for half
 * an hour and 300 USD/MWh after, when the planner solves (a tick of its thread), then the controller follows the
 * plan: the battery charges in the cheap hours within the guards' rules, economics decides on the plan's value of
 * energy, a hard limit still wins, a forecast error re-plans, and a plan that cannot be had falls back to the
 * rule-based battery with an alarm.
 */
class PlanScenarioTest {

    private static final double CAP_KW = 2200;

    @TempDir
    Path dir;

    private final SiteConfig demo = SiteDocuments.loadBuiltIn("demo-container").config();
    private final EconomicsSettings economicsSettings = demo.economics().orElseThrow();
    private final EconomicInputs inputs = new EconomicInputs(new Tariff(economicsSettings.tariff()),
            Hashprice.configured(economicsSettings.hashprice()));
    private final Map<Integer, UnitModel> units = units(SiteUnitModels.of(demo));

    PlanScenarioTest() throws Exception {
    }

    private static Map<Integer, UnitModel> units(Map<Integer, UnitModel> demoUnits) {
        Map<Integer, UnitModel> units = new TreeMap<>();
        for (int i = 0; i < 24; i++) {
            units.put(i, demoUnits.get(i < 8 ? 0 : i < 16 ? 239 : 100));
        }
        return units;
    }

    private static PlannerSettings settings(double firmKw) {
        return new PlannerSettings(Optional.of(new Storage(500, 10, 95, 250, 250, 0.94, 20)), Export.NONE, 400,
                Optional.empty(), firmKw, Duration.ofMinutes(5), Duration.ofSeconds(5), 50, Derating.DEFAULT);
    }

    /** A controller with the planner, its limit source before economics, its battery target followed. */
    private final class Planned {
        final Planner planner;
        final PlanLimit limit;
        final Scenario sc;

        Planned(double firmKw) {
            planner = new Planner(settings(firmKw), inputs, new PvHistory(null), units.values(), 2375,
                    new MonthPeak(ZoneOffset.UTC));
            limit = new PlanLimit(planner, inputs, List.of("pv"), 0, ZoneOffset.UTC);
            EconomicLimit economics = new EconomicLimit(economicsSettings, units, inputs);
            sc = given(Container.container().miners(24, i -> units.get(i).ratedW() / 1000).with(limit)
                    .with(economics, economics::valueOf).dataIn(dir)).when(batterySocAt(50), cheapThenDear());
            sc.loop().followBatteryPlan(limit::batteryTarget);
        }

        /** One tick of the planner's thread at the scenario's time. */
        Event tick() {
            return s -> planner.tick(limit.observed(), s.loop().importCapKw(s.now()), s.wall(), since -> s.now() - since);
        }
    }

    /** 20 USD/MWh for half an hour from now's quarter hour, then 300 USD/MWh up to 46 h. */
    private Event cheapThenDear() {
        return s -> {
            long slot = Duration.ofMinutes(15).toMillis();
            long first = s.wall() - Math.floorMod(s.wall(), slot);
            List<PriceSlots.Slot> slots = new ArrayList<>();
            for (int i = 0; i < 46 * 4; i++) {
                slots.add(new PriceSlots.Slot(first + i * slot, Duration.ofMinutes(15), i < 2 ? 20 : 300));
            }
            inputs.updatePrices(new PriceSlots(slots, s.wall()));
        };
    }

    @Test
    void thePlanIsFollowedTheBatteryChargesWhileEnergyIsCheapAndEconomicsDecidesOnThePlansValue() {
        Planned p = new Planned(25);
        Scenario sc = p.sc.at(5, s).when(p.tick()).at(40, s);
        HeldPlan held = p.planner.held();
        assertTrue(held.following(), held.reason());
        assertEquals("first plan", held.trigger());
        assertTrue(held.plan().orElseThrow().slots().get(0).batteryKw() < 0, "the plan charges in the cheap hours");
        assertEquals(-250, sc.last().batterySetpointKw(), 1e-6, "the controller charges at the battery's 250 kW");
        String reason = sc.verdict(PlanLimit.NAME).reason();
        assertTrue(reason.startsWith("plan slot 08:00: mining"), reason);
        assertEquals(EnergyPrice.Source.PLAN, inputs.decisionPrice(sc.wall()).source());
        sc.then(noAlarm(PlanLimit.FALLBACK_ALARM));
        assertTrue(sc.cycles().stream().allMatch(c -> c.importKw() <= CAP_KW), "the cap is never exceeded");
    }

    @Test
    void aHardLimitOverridesThePlanAndTheCapChangeReplans() {
        Planned p = new Planned(25);
        Scenario sc = p.sc.at(5, s).when(p.tick()).at(40, s);
        assertTrue(sc.last().batterySetpointKw() < 0, "charging as planned");
        sc.when(importCapOverride(50, Duration.ofHours(1), "grid operator")).at(80, s);
        assertTrue(sc.last().batterySetpointKw() >= 0, "under a 50 kW cap the planned charge gives way");
        assertTrue(sc.last().importKw() <= 50 + 1e-6, "the import is brought under the cap: " + sc.last().importKw());
        sc.when(p.tick()).cycle();
        assertTrue(p.planner.held().trigger().contains("import cap 2200 -> 50 kW"), p.planner.held().trigger());
    }

    @Test
    void aForecastErrorTriggersAReplan() {
        Planned p = new Planned(25);
        Scenario sc = p.sc.when(reading("pv", "m103.W", 0.0)).at(5, s).when(p.tick()).at(30, s);
        long solvedAt = p.planner.held().solvedAtMillis();
        sc.when(p.tick()).at(40, s);
        assertEquals(solvedAt, p.planner.held().solvedAtMillis(), "nothing changed: no re-plan before 5 min");
        sc.when(reading("pv", "m103.W", 300_000.0)).at(70, s).when(p.tick()).cycle();
        assertTrue(p.planner.held().solvedAtMillis() > solvedAt, "re-planned");
        assertTrue(p.planner.held().trigger().contains("forecast error +300 kW"), p.planner.held().trigger());
    }

    @Test
    void anInfeasiblePlanFallsBackToTheRuleBasedBatteryWithAnAlarm() {
        Planned p = new Planned(3000); // a firm load no import, PV and battery can carry
        Scenario sc = p.sc.at(5, s).when(p.tick()).at(40, s);
        HeldPlan held = p.planner.held();
        assertFalse(held.following());
        assertTrue(held.reason().contains("plan not solved (first plan)"), held.reason());
        sc.then(alarmActive(PlanLimit.FALLBACK_ALARM));
        assertTrue(sc.loop().batteryCommand().reason().contains("to 80.0 %"), sc.loop().batteryCommand().reason());
        assertEquals(EnergyPrice.Source.LIVE, inputs.decisionPrice(sc.wall()).source());
    }

    @Test
    void aPlanNotRenewedAgesIntoTheFallback() {
        Planned p = new Planned(25);
        Scenario sc = p.sc.at(5, s).when(p.tick()).at(40, s);
        sc.then(noAlarm(PlanLimit.FALLBACK_ALARM));
        sc.at(16 * 60 + 10, s); // the planner's thread stopped: no tick for more than three re-plan intervals
        sc.then(alarmActive(PlanLimit.FALLBACK_ALARM));
        assertTrue(sc.verdict(PlanLimit.NAME).reason().contains("the planner has not solved since"),
                sc.verdict(PlanLimit.NAME).reason());
    }
}
