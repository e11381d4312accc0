package io.containeredge.control.loop;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.importCapLifted;
import static io.containeredge.control.scenario.Events.importCapOverride;
import static io.containeredge.control.scenario.Events.maintenance;
import static io.containeredge.control.scenario.Events.silence;
import static io.containeredge.control.scenario.Events.windingAt;
import static io.containeredge.control.scenario.Expectations.importKw;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.scenario.Scenario;
import io.containeredge.control.scenario.VirtualDevices.Write;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the status says about the import allowed and the battery setpoint, on the demo site (import cap
 * 2200 kW under a 2375 kW rating x pf; 40 miners and 25 kW of auxiliaries import 165 kW with the battery
 * idle; the battery delivers what it is told): given the
 * container, when an override, a hot winding or maintenance comes, then the status says ...
 */
class ControlStatusScenarioTest {

    private static final double EPS = 1e-9;
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @TempDir
    Path dir;

    /** The setpoint of the last 704 write to the battery, in kW as the status counts it. */
    private static double lastWrittenSetpointKw(Scenario sc) {
        List<Write> setpoints = sc.devices().writesTo("battery").stream().filter(w -> w.point().equals("m704.WSet"))
                .toList();
        return ((Number) setpoints.get(setpoints.size() - 1).value()).doubleValue() / 1000;
    }

    @Test
    void anOverrideOf1500KwIsTheImportAllowedUntilItIsLiftedThenTheSiteCapAgain() {
        Scenario sc = given(container().dataIn(dir)).at(2, s);
        assertEquals(2200, sc.status().allowedImportKw(), EPS, "the site's cap, under the rating");

        sc.when(importCapOverride(1500, HALF_HOUR, "dr-event")).runFor(1, s);
        assertEquals(1500, sc.status().allowedImportKw(), EPS);

        sc.when(importCapLifted("ops")).runFor(1, s);
        assertEquals(2200, sc.status().allowedImportKw(), EPS);
    }

    @Test
    void aHotWindingLowersTheImportAllowedAndTheStatusSaysTheReducedValue() {
        Scenario sc = given(container().dataIn(dir)).at(2, s).when(windingAt(115)).runFor(10, s);

        // from the 165 kW imported, 2 kW/s for 10 s; the battery delivers the excess, so the import follows
        assertEquals(165 - 2 * 10, sc.status().allowedImportKw(), 0.5 + EPS);
        String reason = sc.verdict("power").reason();
        assertTrue(reason.contains("hot-spot reduction to " + Math.round(sc.status().allowedImportKw()) + " kW"), reason);
    }

    @Test
    void theBatterySetpointInTheStatusIsTheOneWrittenToTheBattery() {
        Scenario sc = given(container().dataIn(dir)).when(importCapOverride(100, HALF_HOUR, "dr-event")).runFor(2, s);
        assertEquals(lastWrittenSetpointKw(sc), sc.status().batterySetpointKw(), EPS, "while ramping");

        sc.runFor(30, s);
        assertEquals(65, sc.status().batterySetpointKw(), 1, "discharges what the miners import over 100 kW");
        sc.then(importKw(100, 1)); // and delivers it
        assertEquals(lastWrittenSetpointKw(sc), sc.status().batterySetpointKw(), EPS, "held and refreshed");
    }

    @Test
    void aBatteryInMaintenanceIsCommandedNothingAndTheStatusSaysNoSetpoint() {
        Scenario sc = given(container().dataIn(dir)).when(importCapOverride(100, HALF_HOUR, "dr-event"))
                .runFor(10, s).when(maintenance("battery", Duration.ofMinutes(1))).runFor(1, s);
        assertTrue(Double.isNaN(sc.status().batterySetpointKw()), "" + sc.status().batterySetpointKw());

        sc.runFor(60, s);
        assertEquals(lastWrittenSetpointKw(sc), sc.status().batterySetpointKw(), EPS,
                "commanded again once the window ended");
    }

    @Test
    void aBadImportReadingHoldsTheMinersAtTheSafeLevelAndNoImportIsSaidToBeAllowed() {
        Scenario sc = given(container().dataIn(dir)).at(2, s).when(silence("meter-main")).cycle();

        assertTrue(Double.isNaN(sc.status().allowedImportKw()), "" + sc.status().allowedImportKw());
        assertTrue(sc.verdict("power").reason().startsWith("fail-safe"), sc.verdict("power").reason());
    }
}
