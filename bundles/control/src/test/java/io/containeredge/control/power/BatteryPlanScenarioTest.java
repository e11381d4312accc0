package io.containeredge.control.power;

import static io.containeredge.control.power.PowerSite.RATING_KW;
import static io.containeredge.control.power.PowerSite.site;
import static io.containeredge.control.scenario.Events.auxiliaryLoadAt;
import static io.containeredge.control.scenario.Events.batterySocAt;
import static io.containeredge.control.scenario.Events.minerDemandAt;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The power guard follows a plan's battery target within its own rules, on a virtual clock: given the power
 * scenarios' site (2375 kW allowed, 2200 kW of load: 200 kW auxiliaries and 2000 kW of miners, a 250 kW battery),
 * when the plan asks the battery to charge or discharge, then it does, unless the allowed import, the reserve, the
 * plan's top of charge or the export limit say otherwise.
 */
class BatteryPlanScenarioTest {

    private static final double EPS = 1e-6;

    private static Scenario planned(double setpointKw, double exportLimitKw) {
        Scenario c = site(true).when(batterySocAt(50));
        c.loop().followBatteryPlan(cycle -> new BatteryTarget(setpointKw, 90, exportLimitKw, "plan slot 14:15"));
        return c;
    }

    private static String batteryReason(Scenario c) {
        return c.loop().batteryCommand().reason();
    }

    @Test
    void aPlannedChargeUsesOnlyTheHeadroomUnderTheAllowedImport() {
        Scenario c = planned(-300, 0).at(30, SECONDS);
        // 2375 allowed - 50 kW margin - 2200 kW load = 125 kW of headroom
        assertEquals(-125, c.last().batterySetpointKw(), EPS);
        assertTrue(batteryReason(c).contains("plan slot 14:15 asks -300 kW"), batteryReason(c));
        assertTrue(c.cycles().stream().allMatch(x -> x.importKw() <= RATING_KW + EPS));

        c.when(auxiliaryLoadAt(0)).at(60, SECONDS); // 2000 kW of load: 325 kW of headroom, the battery's 250 kW taken
        assertEquals(-250, c.last().batterySetpointKw(), EPS);
    }

    @Test
    void aPlannedDischargeIsFollowedAndStopsAtTheReserve() {
        Scenario c = planned(200, 0).at(10, SECONDS);
        assertEquals(200, c.last().batterySetpointKw(), EPS);
        assertEquals(2000, c.last().importKw(), EPS);

        c.when(batterySocAt(20)).cycle();
        assertEquals(0, c.last().batterySetpointKw(), "at the guard's 20 % reserve the battery stops at once");
        assertTrue(batteryReason(c).contains("reserve"), batteryReason(c));
    }

    @Test
    void aPlannedChargeStopsAtThePlansTopOfCharge() {
        Scenario c = planned(-200, 0).when(batterySocAt(90)).at(10, SECONDS);
        assertEquals(0, c.last().batterySetpointKw(), EPS);
        assertTrue(batteryReason(c).contains("at its top 90.0 %"), batteryReason(c));
    }

    @Test
    void anImportOverTheRatingIsCoveredWhateverThePlanAsks() {
        Scenario c = planned(-200, 0).at(10, SECONDS);
        c.when(auxiliaryLoadAt(800)).cycle(); // 2800 kW of load, 425 kW over what is allowed
        assertEquals(250, c.last().batterySetpointKw(), EPS, "the guard discharges, the plan's charge waits");
    }

    @Test
    void aPlannedDischargeNeverExportsMoreThanTheExportLimit() {
        Scenario c = planned(250, 0).when(minerDemandAt(0), auxiliaryLoadAt(100)).at(30, SECONDS);
        assertEquals(100, c.last().batterySetpointKw(), EPS, "no export allowed: only the 100 kW of load is covered");
        assertTrue(batteryReason(c).contains("export limited to 0 kW"), batteryReason(c));

        Scenario exporting = planned(250, 100).when(minerDemandAt(0), auxiliaryLoadAt(100)).at(30, SECONDS);
        assertEquals(200, exporting.last().batterySetpointKw(), EPS, "100 kW of load and 100 kW of export");
    }

    @Test
    void withoutATargetTheRuleBasedRechargeRunsAsBefore() {
        Scenario c = site(true).when(batterySocAt(50), auxiliaryLoadAt(0)).at(60, SECONDS);
        assertTrue(c.last().batterySetpointKw() < 0, "recharges towards 80 % from headroom");
        assertTrue(batteryReason(c).contains("to 80"), batteryReason(c));
    }
}
