package io.containeredge.control.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.Verdict;
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

    @TempDir
    Path dir;

    private static Verdict power(ControlStatus s) {
        return s.verdicts().stream().filter(v -> v.guard().equals("power")).findFirst().orElseThrow();
    }

    /** The setpoint of the last 704 write to the battery, in kW as the status counts it. */
    private static double lastWrittenSetpointKw(LoopRig rig) {
        List<LoopRig.Write> setpoints = rig.writesTo("battery").stream().filter(w -> w.point().equals("m704.WSet"))
                .toList();
        return ((Number) setpoints.get(setpoints.size() - 1).value()).doubleValue() / 1000;
    }

    @Test
    void anOverrideOf1500KwIsTheImportAllowedUntilItIsLiftedThenTheSiteCapAgain() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.runFor(2);
        assertEquals(2200, rig.loop.status().allowedImportKw(), EPS, "the site's cap, under the rating");

        rig.loop.overrideImportCap(1500, Duration.ofMinutes(30), "dr-event", rig.now);
        rig.runFor(1);
        assertEquals(1500, rig.loop.status().allowedImportKw(), EPS);

        rig.loop.liftImportCap("ops", rig.now);
        rig.runFor(1);
        assertEquals(2200, rig.loop.status().allowedImportKw(), EPS);
    }

    @Test
    void aHotWindingLowersTheImportAllowedAndTheStatusSaysTheReducedValue() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.runFor(2);
        rig.set("transformer", "winding_temp", 115.0);
        rig.runFor(10);

        ControlStatus s = rig.loop.status();
        // from the 165 kW imported, 2 kW/s for 10 s; the battery delivers the excess, so the import follows
        assertEquals(165 - 2 * 10, s.allowedImportKw(), 0.5 + EPS);
        assertTrue(power(s).reason().contains("hot-spot reduction to " + Math.round(s.allowedImportKw()) + " kW"),
                power(s).reason());
    }

    @Test
    void theBatterySetpointInTheStatusIsTheOneWrittenToTheBattery() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.loop.overrideImportCap(100, Duration.ofMinutes(30), "dr-event", rig.now);
        rig.runFor(2);
        assertEquals(lastWrittenSetpointKw(rig), rig.loop.status().batterySetpointKw(), EPS, "while ramping");

        rig.runFor(30);
        assertEquals(65, rig.loop.status().batterySetpointKw(), 1, "discharges what the miners import over 100 kW");
        assertEquals(100, rig.importKw(), 1, "and delivers it");
        assertEquals(lastWrittenSetpointKw(rig), rig.loop.status().batterySetpointKw(), EPS, "held and refreshed");
    }

    @Test
    void aBatteryInMaintenanceIsCommandedNothingAndTheStatusSaysNoSetpoint() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.loop.overrideImportCap(100, Duration.ofMinutes(30), "dr-event", rig.now);
        rig.runFor(10);
        rig.maintenance.start("battery", Duration.ofMinutes(1), "tech", rig.now);
        rig.runFor(1);
        assertTrue(Double.isNaN(rig.loop.status().batterySetpointKw()), "" + rig.loop.status().batterySetpointKw());

        rig.runFor(60);
        assertEquals(lastWrittenSetpointKw(rig), rig.loop.status().batterySetpointKw(), EPS,
                "commanded again once the window ended");
    }

    @Test
    void aBadImportReadingHoldsTheMinersAtTheSafeLevelAndNoImportIsSaidToBeAllowed() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.runFor(2);
        rig.silence("meter-main");
        rig.loop.cycle(rig.now);

        assertTrue(Double.isNaN(rig.loop.status().allowedImportKw()), "" + rig.loop.status().allowedImportKw());
        assertTrue(power(rig.loop.status()).reason().startsWith("fail-safe"), power(rig.loop.status()).reason());
    }
}
