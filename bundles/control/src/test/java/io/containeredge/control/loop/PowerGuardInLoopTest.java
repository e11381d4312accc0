package io.containeredge.control.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.Verdict;
import io.containeredge.site.api.ControlSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The power guard in the running loop, on the demo site (40 miners and 25 kW of auxiliaries import 165 kW
 * with the battery idle): what the battery really delivers and the site's {@code control} settings.
 */
class PowerGuardInLoopTest {

    @TempDir
    Path dir;

    private static Verdict power(ControlStatus s) {
        return s.verdicts().stream().filter(v -> v.guard().equals("power")).findFirst().orElseThrow();
    }

    /** Cycles with the process image as it is (runFor would refresh the meter). */
    private static void cycles(LoopRig rig, int n) {
        for (int i = 0; i < n; i++) {
            rig.loop.cycle(rig.now);
            rig.now += 250;
        }
    }

    @Test
    void aBatteryThatDoesNotFollowItsSetpointIsAlarmedAndTheMinersBringTheImportUnderTheCapWithinTheFixTime()
            throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.batteryFollows = false;
        rig.runFor(2);
        rig.loop.overrideImportCap(100, Duration.ofMinutes(30), "dr-event", rig.now);
        rig.runFor(4.5);
        assertTrue(rig.loop.status().batterySetpointKw() > 60, "asked to discharge the 65 kW over the cap");
        assertNull(rig.activeAlarm("power.battery-not-following"), "the command is trusted for the follow time");

        rig.runFor(1);
        assertNotNull(rig.activeAlarm("power.battery-not-following"));
        // the cap fix time is 25 s from the overrun; the rig's miners obey at once
        rig.runFor(20);
        assertTrue(rig.importKw() <= 100, "import " + rig.importKw() + " kW over the 100 kW cap");
        assertNotNull(rig.activeAlarm("power.battery-not-following"));
        for (int i = 0; i < 40; i++) {
            rig.runFor(0.25);
            assertTrue(rig.importKw() <= 100, "import " + rig.importKw() + " kW over the cap at " + rig.now);
        }
    }

    @Test
    void aBatteryThatFollowsCoversTheExcessAndTheMinersStayAwake() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.loop.overrideImportCap(100, Duration.ofMinutes(30), "dr-event", rig.now);
        rig.runFor(60);
        assertEquals(LoopRig.MINERS, rig.minersAwake());
        assertEquals(100, rig.importKw(), 1);
        assertNull(rig.activeAlarm("power.battery-not-following"));
    }

    @Test
    void theSitesSafeLevelHoldTimeAndCurtailRateReachThePowerGuard() throws Exception {
        ControlSettings d = ControlSettings.DEFAULTS;
        ControlSettings site = new ControlSettings(d.cycle(), d.hysteresisK(), 80, 70, Duration.ofSeconds(10),
                d.wakeRampKwPerS(), d.sleepConfirm(), d.minDwell(), d.deltaTWarningK(), d.batteryFollow());
        LoopRig rig = new LoopRig(dir, site);
        rig.batteryFollows = false;
        rig.batteryEmpty(); // the miners take every reduction
        rig.runFor(2);
        rig.loop.overrideImportCap(100, Duration.ofMinutes(30), "dr-event", rig.now);
        rig.runFor(0.25);
        // 65 kW over; the first step at the site's 80 kW/s, not the default 20 kW/s
        assertEquals(140 - 80 * 0.25, power(rig.loop.status()).maxMinerKw(), 1e-6);

        rig.loop.liftImportCap("ops", rig.now);
        rig.silence("meter-main");
        cycles(rig, 4);
        assertEquals(70, power(rig.loop.status()).maxMinerKw(), 1e-6, "the site's safe level, not 0");
        rig.runFor(9.75);
        assertTrue(power(rig.loop.status()).reason().startsWith("fail-safe"), "held for the site's 10 s");
        rig.runFor(0.5);
        assertFalse(power(rig.loop.status()).reason().startsWith("fail-safe"), power(rig.loop.status()).reason());
    }
}
