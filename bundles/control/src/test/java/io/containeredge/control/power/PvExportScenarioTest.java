package io.containeredge.control.power;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.batterySocAt;
import static io.containeredge.control.scenario.Events.exportLimitAt;
import static io.containeredge.control.scenario.Events.maintenance;
import static io.containeredge.control.scenario.Events.meterAnswers;
import static io.containeredge.control.scenario.Events.silence;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.h;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.scenario.Cycle;
import io.containeredge.control.scenario.Scenario;
import io.containeredge.control.scenario.VirtualDevices;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PV export limiter on a virtual clock: given the demo site's 400 kW PV plant in full sun, a container
 * drawing 100 kW (20 miners of 3.75 kW and 25 kW of auxiliaries; the battery at 90 %, above its recharge target,
 * idle) and an export limit, when something happens, then the PV inverter is capped so ... by t = ...
 */
class PvExportScenarioTest {

    private static final double EPS = 1e-6;

    private static Scenario sunnyDay(double exportLimitKw) {
        return given(container().miners(20, 3.75).pv(400, exportLimitKw)).when(batterySocAt(90));
    }

    private static List<Cycle> from(Scenario sc, double seconds) {
        return sc.cycles().stream().filter(c -> c.seconds() >= seconds).toList();
    }

    @Test
    void withoutAnExportAgreementPvIsCappedToTheLoadWithinACycleAndTheSiteNeverExportsAfter() {
        Scenario sc = sunnyDay(0).at(10, s);
        Cycle first = sc.cycles().get(0);
        assertEquals(-300, first.importKw(), EPS, "PV 400 kW against 100 kW of load before the first cap");
        double firstCapped = from(sc, first.seconds() + 0.25).get(0).importKw();
        assertEquals(0, firstCapped, 1, "one cycle later the cap holds PV at the load");
        for (Cycle c : from(sc, first.seconds() + 0.25)) {
            assertTrue(c.importKw() >= -EPS, "exported " + -c.importKw() + " kW at t = " + c.seconds() + " s");
        }
        assertEquals(100, sc.pvKw(), 2, "PV makes what the container draws");
        assertTrue(sc.last().alarmed(PvExportLimit.LIMITED), "the cap is shown while it is in force");
    }

    @Test
    void anImportReadingNotGoodCapsPvAtTheExportLimit() {
        Scenario sc = sunnyDay(50).at(5, s);
        assertEquals(150, sc.pvKw(), 2, "the load and the export limit");
        sc.when(silence("meter-main")).runFor(1, s);
        assertEquals(50, sc.pvKw(), 1, "no load assumed: PV only as much as may be exported");
        assertTrue(sc.last().alarmed(PvExportLimit.IMPORT_BAD));
        sc.when(meterAnswers()).runFor(10, s);
        // the power guard still holds the miners at its fail-safe level: the load is what the container draws now
        assertEquals(-50, sc.importKw(), PvExportLimit.Settings.DEFAULT_MARGIN_KW,
                "the cap rises back to the load and the limit");
        assertTrue(sc.pvKw() > 50);
        assertFalse(sc.last().alarmed(PvExportLimit.IMPORT_BAD));
    }

    @Test
    void aRaisedLimitReleasesTheCapAtTheRamp() {
        Scenario sc = sunnyDay(0).at(5, s);
        assertEquals(100, sc.pvKw(), 2);
        sc.when(exportLimitAt(300)).cycle();
        double before = sc.pvKw();
        sc.runFor(1, s);
        assertTrue(sc.pvKw() - before <= 40 + EPS, "at most 10 % of 400 kW a second: " + before + " -> " + sc.pvKw());
        assertTrue(sc.pvKw() > before, "the cap rises");
        sc.runFor(8, s);
        assertEquals(400, sc.pvKw(), EPS, "300 kW of export is allowed: the sun's whole 400 kW");
        assertTrue(sc.last().alarmed(PvExportLimit.LIMITED), "the cap stands at the full rating for a while");
        sc.devices().forget();
        sc.runFor(31, s);
        assertFalse(sc.last().alarmed(PvExportLimit.LIMITED), "released");
        List<VirtualDevices.Write> pvWrites = sc.devices().writesTo("pv");
        assertEquals("m704.WMaxLimPctEna", pvWrites.get(pvWrites.size() - 1).point());
        assertEquals(0, ((Number) pvWrites.get(pvWrites.size() - 1).value()).intValue(), "disabled");
        for (Cycle c : sc.cycles()) {
            if (c.seconds() > 1) {
                assertTrue(c.importKw() >= -300 - EPS, "never over the limits in force: " + c.importKw());
            }
        }
    }

    @Test
    void anInverterInMaintenanceGetsNoWritesAndFallsBackToTheExportLimitWhenItsReversionRunsOut() {
        Scenario sc = sunnyDay(0).at(5, s);
        sc.when(maintenance("pv", Duration.ofHours(1))).cycle();
        sc.devices().forget();
        sc.runFor(59, s);
        assertTrue(sc.devices().writesTo("pv").isEmpty(), "no writes: " + sc.devices().writesTo("pv"));
        sc.runFor(2, s);
        assertEquals(0, sc.pvKw(), EPS, "the reversion's fallback: the export limit, 0 kW");
        sc.runFor(1, h);
        assertFalse(sc.devices().writesTo("pv").isEmpty(), "commanded again after the maintenance");
        assertEquals(100, sc.pvKw(), 2, "the fallback cap is raised to the load, not left behind");
    }

    @Test
    void afterARestartTheCapLeftOnTheInverterIsRaisedAtTheRampNotDroppedAtOnce() {
        Scenario sc = sunnyDay(0).at(5, s).when(exportLimitAt(300)).cycle();
        sc.restart(); // the new loop's limiter starts released, its export limit the container's 0 kW
        sc.when(exportLimitAt(300)).cycle();
        double before = sc.pvKw();
        sc.runFor(1, s);
        assertTrue(sc.pvKw() - before <= 40 + EPS, before + " -> " + sc.pvKw());
        sc.runFor(45, s);
        assertEquals(400, sc.pvKw(), EPS);
        assertFalse(sc.last().alarmed(PvExportLimit.LIMITED), "released");
    }
}
