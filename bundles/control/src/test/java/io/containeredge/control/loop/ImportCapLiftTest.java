package io.containeredge.control.loop;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.batteryEmpty;
import static io.containeredge.control.scenario.Events.importCapOverride;
import static io.containeredge.control.scenario.Events.pumpRuns;
import static io.containeredge.control.scenario.Events.pumpStops;
import static io.containeredge.control.scenario.Expectations.allMinersAsleep;
import static io.containeredge.control.scenario.Expectations.importKw;
import static io.containeredge.control.scenario.Expectations.minerKw;
import static io.containeredge.control.scenario.Expectations.minerLimitKw;
import static io.containeredge.control.scenario.Expectations.thermalStage;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifting a curtailment override ends the override and nothing else. */
class ImportCapLiftTest {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @TempDir
    Path dir;

    @Test
    void givenAnOverrideAndAThermalTripWhenTheCapIsLiftedThenTheTripStillHoldsTheMinersAsleep() {
        Scenario sc = given(container().dataIn(dir)).at(2, s)
                .when(importCapOverride(100, HALF_HOUR, "dr-event")).runFor(30, s);
        assertTrue(sc.verdict("power").reason().contains("import cap override 100 kW"), sc.verdict("power").reason());
        sc.when(pumpStops()).runFor(5, s).then(thermalStage("TRIPPED"));

        assertTrue(sc.loop().liftImportCap("ops", sc.now()));
        sc.when(pumpRuns()).runFor(120, s) // the cause is gone, but a trip is latched until a reset
                .then(thermalStage("TRIPPED"), minerLimitKw(0), allMinersAsleep());
        assertTrue(sc.status().holdWake());
        assertFalse(sc.verdict("power").reason().contains("override"), sc.verdict("power").reason());
    }

    @Test
    void liftingTheOverrideGivesTheSiteCapBackAndTheMinersReturn() {
        Scenario sc = given(container().dataIn(dir)).when(batteryEmpty()).at(2, s)
                .when(importCapOverride(100, HALF_HOUR, "dr-event")).runFor(60, s)
                .then(importKw(100, 1)); // curtailed to the override

        assertTrue(sc.loop().liftImportCap("ops", sc.now()));
        sc.runFor(120, s).then(minerKw(40 * 3.5, 1e-9), thermalStage("NORMAL"));
        assertFalse(sc.loop().liftImportCap("ops", sc.now()), "nothing left to lift");
    }

    @Test
    void anExpiredOverrideIsNotReportedAsLifted() {
        Scenario sc = given(container().dataIn(dir)).when(importCapOverride(100, Duration.ofMinutes(1), "dr-event"))
                .runFor(61, s);
        assertFalse(sc.loop().liftImportCap("ops", sc.now()));
    }
}
