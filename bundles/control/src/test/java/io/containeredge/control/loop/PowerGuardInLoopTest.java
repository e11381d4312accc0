package io.containeredge.control.loop;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.batteryEmpty;
import static io.containeredge.control.scenario.Events.batteryFollows;
import static io.containeredge.control.scenario.Events.importCapLifted;
import static io.containeredge.control.scenario.Events.importCapOverride;
import static io.containeredge.control.scenario.Events.meterAnswers;
import static io.containeredge.control.scenario.Events.silence;
import static io.containeredge.control.scenario.Expectations.alarmActive;
import static io.containeredge.control.scenario.Expectations.allMinersAwake;
import static io.containeredge.control.scenario.Expectations.importKw;
import static io.containeredge.control.scenario.Expectations.noAlarm;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.scenario.Scenario;
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

    private static final String NOT_FOLLOWING = "power.battery-not-following";
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @TempDir
    Path dir;

    @Test
    void aBatteryThatDoesNotFollowItsSetpointIsAlarmedAndTheMinersBringTheImportUnderTheCapWithinTheFixTime() {
        Scenario sc = given(container().dataIn(dir)).when(batteryFollows(false)).at(2, s)
                .when(importCapOverride(100, HALF_HOUR, "dr-event")).runFor(4.5, s);
        assertTrue(sc.status().batterySetpointKw() > 60, "asked to discharge the 65 kW over the cap");
        sc.then(noAlarm(NOT_FOLLOWING)); // the command is trusted for the follow time

        sc.runFor(1, s).then(alarmActive(NOT_FOLLOWING));
        // the cap fix time is 25 s from the overrun; the scenario's miners obey at once
        sc.runFor(20, s);
        assertTrue(sc.importKw() <= 100, "import " + sc.importKw() + " kW over the 100 kW cap");
        sc.then(alarmActive(NOT_FOLLOWING));
        for (int i = 0; i < 40; i++) {
            sc.cycle();
            assertTrue(sc.importKw() <= 100, "import " + sc.importKw() + " kW over the cap at " + sc.now());
        }
    }

    @Test
    void aBatteryThatFollowsCoversTheExcessAndTheMinersStayAwake() {
        given(container().dataIn(dir)).when(importCapOverride(100, HALF_HOUR, "dr-event")).runFor(60, s)
                .then(allMinersAwake(), importKw(100, 1), noAlarm(NOT_FOLLOWING));
    }

    @Test
    void theSitesSafeLevelHoldTimeAndCurtailRateReachThePowerGuard() {
        ControlSettings d = ControlSettings.DEFAULTS;
        ControlSettings site = new ControlSettings(d.cycle(), d.hysteresisK(), 80, 70, Duration.ofSeconds(10),
                d.wakeRampKwPerS(), d.sleepConfirm(), d.minDwell(), d.deltaTWarningK(), d.batteryFollow());
        Scenario sc = given(container().dataIn(dir).control(site))
                .when(batteryFollows(false), batteryEmpty()) // the miners take every reduction
                .at(2, s).when(importCapOverride(100, HALF_HOUR, "dr-event")).cycle();
        // 65 kW over; the first step at the site's 80 kW/s, not the default 20 kW/s
        assertEquals(140 - 80 * 0.25, sc.verdict("power").maxMinerKw(), 1e-6);

        sc.when(importCapLifted("ops"), silence("meter-main")).cycle().cycle().cycle().cycle();
        assertEquals(70, sc.verdict("power").maxMinerKw(), 1e-6, "the site's safe level, not 0");
        sc.when(meterAnswers()).runFor(9.75, s);
        assertTrue(sc.verdict("power").reason().startsWith("fail-safe"), "held for the site's 10 s");
        sc.runFor(0.5, s);
        assertFalse(sc.verdict("power").reason().startsWith("fail-safe"), sc.verdict("power").reason());
    }
}
