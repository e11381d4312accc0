package io.containeredge.control.rack;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.batteryEmpty;
import static io.containeredge.control.scenario.Events.importCapLifted;
import static io.containeredge.control.scenario.Events.importCapOverride;
import static io.containeredge.control.scenario.Expectations.alarmActive;
import static io.containeredge.control.scenario.Expectations.noAlarm;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.allocation.MinerValue;
import io.containeredge.control.api.AiStatus;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.limit.LimitSource;
import io.containeredge.control.scenario.Expectation;
import io.containeredge.control.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An AI tenant (8 GPU servers of 10 kW: floor 40 kW, band 40 kW) beside the 40 miners of 3.5 kW of the demo site,
 * over the real loop on the virtual clock: the floor is never cut by a soft limit, the band is served among the
 * miners by value, a hard limit under the floor is a breach, and the miners absorb the servers' swings.
 */
class AiAllocationScenarioTest {

    private static final double FLOOR_KW = 40;
    private static final double BAND_KW = 40;
    /** The miners' value per kW (USD/h per kW = USD/kWh): 200 USD/MWh. */
    private static final double MINERS_USD_PER_KWH = 0.2;

    private static VirtualTenant tenant(double bandUsdPerMwh) {
        return new VirtualTenant(8, 10, VirtualTenant.contract(FLOOR_KW, BAND_KW, bandUsdPerMwh));
    }

    /** A soft limit (a grid event, a site lease) at {@code kw} for all controllable loads. */
    private static LimitSource softLimit(double kw) {
        return new LimitSource() {
            @Override
            public Verdict.Strength strength() {
                return Verdict.Strength.SOFT;
            }

            @Override
            public List<Verdict> evaluate(io.containeredge.control.loop.ContainerInputs in,
                    io.containeredge.control.limit.Cycle cycle) {
                return List.of(new Verdict("grid event", kw, false, "event", List.of(), Verdict.Strength.SOFT, null));
            }
        };
    }

    /** No limit, but every miner valued as economics would. */
    private static LimitSource minersValued() {
        return softLimit(Double.POSITIVE_INFINITY);
    }

    private static Expectation tenantGiven(VirtualTenant t, double kw) {
        return sc -> assertEquals(kw, t.status().grantKw(), 0.5, "tenant grant: " + t.status().reason());
    }

    private static Expectation tenantDraws(VirtualTenant t, double kw) {
        return sc -> assertEquals(kw, t.drawKw(), 1.0, "tenant draw: " + t.status().reason());
    }

    private static Expectation minersCommitted(double kw) {
        return sc -> assertEquals(kw, sc.status().committedKw(), 3.6, "miners committed");
    }

    @Test
    void aSoftLimitUnderTheFloorLeavesTheTenantItsFloorAndTheMinersNothing() {
        VirtualTenant ai = tenant(140);
        given(container().with(ai).with(softLimit(20)))
                .at(30, s)
                .then(tenantGiven(ai, FLOOR_KW), tenantDraws(ai, FLOOR_KW), minersCommitted(0),
                        sc -> assertFalse(ai.status().breach(), "a soft limit is no breach"),
                        sc -> assertTrue(ai.status().capped()), noAlarm("ai.floor-breach.aurora"));
    }

    @Test
    void underABindingCapTheBandWorthLessThanTheMinersIsCappedFirst() {
        VirtualTenant ai = tenant(140); // 140 USD/MWh < the miners' 200
        // cap 200 kW less 25 kW auxiliaries: 175 kW for the loads: the floor (40), then the miners (135 of 140)
        given(container().with(ai).with(minersValued(), i -> new MinerValue(MINERS_USD_PER_KWH,
                Double.POSITIVE_INFINITY)))
                .when(batteryEmpty(), importCapOverride(200, Duration.ofMinutes(10), "ops"))
                .at(40, s)
                .then(tenantGiven(ai, FLOOR_KW), tenantDraws(ai, FLOOR_KW), minersCommitted(135),
                        sc -> assertTrue(ai.status().reason().contains("band capped by power"), ai.status().reason()),
                        sc -> assertTrue(sc.importKw() <= 200 + 0.5, "import " + sc.importKw()))
                .when(importCapLifted("ops"))
                .at(120, s)
                .then(tenantGiven(ai, FLOOR_KW + BAND_KW), minersCommitted(140),
                        sc -> assertFalse(ai.status().capped(), ai.status().reason()));
    }

    @Test
    void underABindingCapTheBandWorthMoreThanTheMinersIsServedAndTheMinersShed() {
        VirtualTenant ai = tenant(300); // 300 USD/MWh > the miners' 200
        given(container().with(ai).with(minersValued(), i -> new MinerValue(MINERS_USD_PER_KWH,
                Double.POSITIVE_INFINITY)))
                .when(batteryEmpty(), importCapOverride(200, Duration.ofMinutes(10), "ops"))
                .at(40, s)
                .then(tenantGiven(ai, FLOOR_KW + BAND_KW), tenantDraws(ai, FLOOR_KW + BAND_KW), minersCommitted(95),
                        sc -> assertTrue(sc.importKw() <= 200 + 0.5, "import " + sc.importKw()));
    }

    @Test
    void aHardLimitUnderTheFloorCutsItAsABreachRecordedOnce() {
        VirtualTenant ai = tenant(140);
        given(container().with(ai))
                .when(batteryEmpty(), importCapOverride(55, Duration.ofMinutes(10), "ops"))
                .at(60, s)
                .then(sc -> assertTrue(ai.status().breach(), ai.status().reason()),
                        sc -> assertTrue(ai.status().grantKw() < FLOOR_KW),
                        sc -> assertTrue(ai.status().reason().contains("under the floor: power"), ai.status().reason()),
                        alarmActive("ai.floor-breach.aurora"), minersCommitted(0),
                        sc -> assertTrue(sc.importKw() <= 55 + 0.5, "safety wins: import " + sc.importKw()))
                .when(importCapLifted("ops"))
                .at(120, s)
                .then(noAlarm("ai.floor-breach.aurora"), sc -> assertFalse(ai.status().breach()),
                        sc -> assertEquals(1, ai.status().breaches(), "one breach recorded"));
    }

    @Test
    void theMinersAbsorbTheServersSwingWithinACycleAndTheirCommandTime() {
        VirtualTenant ai = tenant(300);
        ai.servers.workload(0.6);
        // 180 kW cap, 25 kW auxiliaries: 155 kW for the loads; the servers at 60 % draw 48 kW, the miners 107
        Scenario sc = given(container().with(ai).with(minersValued(), i -> new MinerValue(MINERS_USD_PER_KWH,
                Double.POSITIVE_INFINITY)))
                .when(batteryEmpty(), importCapOverride(180, Duration.ofMinutes(10), "ops"))
                .at(60, s)
                .then(tenantDraws(ai, 48), minersCommitted(107), c -> assertEquals(155, c.loop().committedLoadKw(),
                        3.6, "the loads' commitment counts the servers at what they draw under their cap of 80 kW"));
        sc.when(x -> ai.servers.workload(1.0));
        long overSince = Long.MIN_VALUE;
        long longestMillis = 0;
        double worstKw = 0;
        for (int i = 0; i < 40; i++) { // 10 s
            sc.cycle();
            double over = sc.importKw() - 180;
            worstKw = Math.max(worstKw, over);
            overSince = over > 180 * 0.02 ? (overSince == Long.MIN_VALUE ? sc.now() : overSince) : Long.MIN_VALUE;
            longestMillis = overSince == Long.MIN_VALUE ? longestMillis : Math.max(longestMillis, sc.now() - overSince);
        }
        assertEquals(80, ai.drawKw(), 0.5, "the servers run at their full grant");
        assertTrue(sc.status().committedKw() <= 155 - 80 + 0.5, "the miners gave way: " + sc.status().committedKw());
        assertTrue(longestMillis <= 500, "over the cap by more than 2 % for " + longestMillis + " ms (worst "
                + worstKw + " kW)");
    }

    @Test
    void aServerThatCannotBeReadCountsAtItsRatingAndOneDeafToCapsIsAlarmed() {
        VirtualTenant ai = tenant(140);
        ai.servers.workload(0.5);
        given(container().with(ai))
                .at(10, s)
                .then(tenantDraws(ai, 40))
                .when(x -> ai.servers.server(0).reachable = false)
                .at(20, s)
                .then(alarmActive("ai.bmc-unreachable.gpu-0"),
                        sc -> assertEquals(45, ai.status().drawKw(), 0.5, "35 kW read + 10 kW at its rating"),
                        sc -> assertFalse(ai.status().servers().get(0).reachable()))
                .when(x -> ai.servers.server(0).reachable = true, importCapOverride(100, Duration.ofMinutes(10),
                        "ops"), batteryEmpty(), x -> ai.servers.workload(1.0), x -> ai.servers.server(1).ignoresCaps = true)
                .at(60, s)
                .then(noAlarm("ai.bmc-unreachable.gpu-0"), alarmActive("ai.cap-not-followed.gpu-1"),
                        sc -> assertTrue(sc.importKw() <= 100 + 0.5, "the miners take the difference: import "
                                + sc.importKw()));
    }

    @Test
    void aPriceAboveTheBandCapsItAfterTheNoticeUntilTheMonthsAllowanceIsSpent() {
        VirtualTenant ai = new VirtualTenant(8, 10, new io.containeredge.site.api.AiSettings.Contract(FLOOR_KW,
                BAND_KW, 140, 0.02, Duration.ofSeconds(30))); // 72 s of caps a month
        Scenario sc = given(container().with(ai)).at(5, s).then(tenantGiven(ai, 80));
        sc.when(x -> ai.priceUsdPerMwh = 500)
                .at(20, s)
                .then(tenantGiven(ai, 80), sc2 -> assertTrue(ai.status().reason().contains("band cap announced"),
                        ai.status().reason()))
                .at(40, s)
                .then(tenantGiven(ai, FLOOR_KW), sc2 -> assertTrue(ai.status().reason().contains(
                        "band capped for the price"), ai.status().reason()))
                .at(130, s)
                .then(tenantGiven(ai, 80), sc2 -> assertTrue(ai.status().reason().contains("caps are spent"),
                        ai.status().reason()), sc2 -> assertEquals(0.02, ai.status().cappedHoursThisMonth(), 0.001));
        AiStatus.Tenant t = ai.status();
        assertEquals(8, t.servers().size());
    }

    @Test
    void aCleanStopLeavesEachServerCappedAtItsShareOfTheFloor() {
        VirtualTenant ai = tenant(300);
        given(container().with(ai)).at(10, s).then(tenantGiven(ai, FLOOR_KW + BAND_KW));
        ai.load.stop(1_000);
        // 40 kW over 8 alike servers: the tenant keeps its floor, the band nothing absorbs is held
        ai.servers.all().forEach(x -> assertEquals(5_000, x.capW, 1e-6, x.id));
    }
}
