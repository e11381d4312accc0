package io.containeredge.control.loop;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.coolantSupplyAt;
import static io.containeredge.control.scenario.Events.meterAnswers;
import static io.containeredge.control.scenario.Events.pumpStops;
import static io.containeredge.control.scenario.Expectations.allMinersAsleep;
import static io.containeredge.control.scenario.Expectations.thermalStage;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.scenario.Event;
import io.containeredge.control.scenario.Scenario;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first cycles after a start, on a virtual clock: the loop waits a few seconds at most for readings that
 * have not arrived yet, then treats them as the worst case; only a reading that failed after it had been good
 * holds the safe level for the hold time.
 */
class StartupScenarioTest {

    @TempDir
    Path dir;

    /** The coolant supply and the import have not been read yet. */
    private static Event firstReadingsOnTheirWay() {
        return sc -> {
            sc.image().missing("cdu", "supply_temp", "degC");
            sc.image().missing("meter-main", "active_power", "kW");
        };
    }

    private Scenario starting() {
        return given(container().dataIn(dir)).when(firstReadingsOnTheirWay());
    }

    @Test
    void theLoopWaitsForReadingsThatHaveNotArrivedYetAndThenDecidesOnThem() {
        Scenario sc = starting().runFor(2, s);
        assertNull(sc.status(), "nothing decided while the first readings are on their way");
        assertEquals(40, sc.minersAwake(), "no container-wide shed for readings not read yet");

        sc.when(coolantSupplyAt(36), meterAnswers()).runFor(0.5, s).then(thermalStage("NORMAL"));
        assertFalse(sc.status().binding().contains("fail-safe"), sc.status().binding());
        assertEquals(40, sc.minersAwake());
    }

    @Test
    void readingsStillMissingAfterTheGraceAreTheWorstCaseButHoldNothingOnceTheyArrive() {
        Scenario sc = starting().runFor(FirstReadings.GRACE.toSeconds() + 1, s).then(thermalStage("SAFE"));
        assertTrue(sc.status().binding().contains("fail-safe"), sc.status().binding());
        assertEquals(0, sc.minersAwake(), "missing readings are the worst case: the safe level of 0 kW");

        sc.when(coolantSupplyAt(36), meterAnswers()).runFor(0.5, s);
        assertEquals("NORMAL", sc.status().thermalStage(), "no hold after readings that were only awaited");
        assertFalse(sc.status().binding().contains("fail-safe"), sc.status().binding());
        assertTrue(sc.status().maxMinerKw() > 0, "load may come back (at the wake ramp), not after the hold");
    }

    @Test
    void aTripCauseAmongTheReadingsThatHaveArrivedShedsWithoutWaitingForTheOthers() {
        starting().when(coolantSupplyAt(36), pumpStops()).cycle().then(thermalStage("TRIPPED"), allMinersAsleep());
    }

    @Test
    void aReadingThatFailsAfterItHasBeenGoodHoldsTheSafeLevelForTheHoldTime() {
        Scenario sc = given(container().dataIn(dir)).at(2, s)
                .when(x -> x.image().invalid("cdu", "supply_temp", "degC", "sentinel 0x8000")).runFor(1, s)
                .then(thermalStage("SAFE"));

        sc.when(coolantSupplyAt(36)).runFor(20, s);
        assertEquals("SAFE", sc.status().thermalStage(), "held while the 30 s hold runs");
        sc.runFor(11, s).then(thermalStage("NORMAL"));
    }
}
