package io.containeredge.control.grid;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.batteryOffersNoPower;
import static io.containeredge.control.scenario.Events.importBad;
import static io.containeredge.control.scenario.Events.importCapOverride;
import static io.containeredge.control.scenario.Events.meterAnswers;
import static io.containeredge.control.scenario.Expectations.allMinersAwake;
import static io.containeredge.control.scenario.Expectations.bindingGuard;
import static io.containeredge.control.scenario.Expectations.committedKw;
import static io.containeredge.control.scenario.Expectations.importKw;
import static io.containeredge.control.scenario.Expectations.limitedBySays;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventPerformance;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.scenario.Event;
import io.containeredge.control.scenario.Expectation;
import io.containeredge.control.scenario.Scenario;
import io.containeredge.site.api.EventSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Demand-response events over the real control loop on the virtual clock: the demo container (40 miners of 3.5 kW,
 * 25 kW of auxiliaries, 165 kW import at full load; its battery offers no power unless a test says otherwise),
 * events scheduled through the book as every sender does.
 */
class GridEventScenarioTest {

    private static final double AUX_KW = 25;

    @TempDir
    Path dir;

    private EventBook book;

    private GridLimits limits(double floorKw) {
        book = new EventBook(EventSettings.DEFAULTS, 2200, dir);
        return new GridLimits(book, Optional.empty(), () -> floorKw);
    }

    /** An event notified now, starting {@code startS} after the scenario's start, for {@code minutes}. */
    private Event schedule(String id, double startS, double minutes, Duration ramp, EventTarget target) {
        return sc -> {
            long start = Scenario.T0 + Scenario.millis(startS, s);
            book.schedule(new GridEvent(id, "test", "test event", sc.wall(), ramp, List.of(new EventInterval(start,
                    start + Duration.ofSeconds(Math.round(minutes * 60)).toMillis(), target))), sc.wall());
        };
    }

    private Event cancel(String id) {
        return sc -> assertTrue(book.cancel(id, "test", sc.wall()));
    }

    private GridEventStatus status(String id, Scenario sc) {
        return book.statuses(sc.wall()).stream().filter(e -> e.event().id().equals(id)).findFirst().orElseThrow();
    }

    /** The controllable loads' limit: the import less the auxiliaries and the sleeping miners' few watts. */
    private static Expectation loadLimitKw(double kw) {
        return sc -> assertEquals(kw, sc.status().maxMinerKw(), 1, "load limit");
    }

    private Expectation state(String id, GridEventStatus.State state) {
        return sc -> assertEquals(state, status(id, sc).state(), id);
    }

    private Expectation performance(String id, java.util.function.Consumer<EventPerformance> check) {
        return sc -> check.accept(status(id, sc).performance());
    }

    @Test
    void anImportLimitHoldsTheImportForItsDurationThenTheMinersComeBackAndThePerformanceIsRecorded() {
        given(container().with(limits(0))).when(batteryOffersNoPower())
                .when(schedule("dr-1", 60, 5, Duration.ZERO, new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 100)))
                .at(30, s)
                .then(state("dr-1", GridEventStatus.State.UPCOMING), allMinersAwake(), importKw(165, 0.5))
                .at(65, s)
                .then(state("dr-1", GridEventStatus.State.ACTIVE), bindingGuard("grid event"),
                        loadLimitKw(100 - AUX_KW), importKw(100, 3.5), limitedBySays("import ≤ 100 kW"))
                .at(365, s)
                .then(state("dr-1", GridEventStatus.State.COMPLETED), performance("dr-1", p -> {
                    assertEquals(300, p.measuredSeconds());
                    assertEquals(0, p.unmeasuredSeconds());
                    assertTrue(p.compliantSeconds() >= 299, "compliant " + p.compliantSeconds());
                    assertEquals(100, p.meanTargetKw(), 1e-6);
                    // the first second is read before the miners obeyed: 65 kW over; none after it
                    assertEquals(65, p.shortfallKwS(), 1, "shortfall");
                    assertTrue(p.meanImportKw() <= 100 + 66.0 / 300, "mean import " + p.meanImportKw());
                    assertEquals(165, p.baselineKw(), 0.5);
                    assertEquals(165 - p.meanImportKw(), p.achievedReductionKw(), 1e-6);
                }))
                .runFor(120, s)
                .then(allMinersAwake(), committedKw(140));
        assertEquals(300, book.compliance("dr-1").orElseThrow().size());
    }

    @Test
    void minersOnTheirWayToSleepDoNotCountAsOtherLoadSoTheEventSleepsNoMoreThanItNeeds() {
        // (165 - 100) kW off 40 miners of 3.5 kW: 19 asleep; each falls over 6 s, never 40 asleep for a while
        Scenario sc = given(container().minersGoToSleepOver(6).with(limits(0))).when(batteryOffersNoPower())
                .when(schedule("dr-7", 10, 5, Duration.ZERO, new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 100)))
                .at(10, s);
        for (int cycle = 0; cycle < 40; cycle++) {
            sc.cycle().then(c -> assertTrue(c.minersAwake() >= 20, c.minersAwake() + " miners awake"));
        }
        sc.at(30, s).then(importKw(100, 3.5), c -> assertEquals(21, c.minersAwake()));
    }

    @Test
    void aReductionFromTheBaselineRampsDownAndCountsOnlyAfterTheRamp() {
        given(container().with(limits(0))).when(batteryOffersNoPower())
                .at(700, s) // more than the 10-minute baseline window of full load before the notification
                .when(schedule("dr-2", 760, 10, Duration.ofMinutes(2), new EventTarget(EventTarget.Kind.REDUCTION_KW,
                        60)))
                .at(820, s) // halfway down the ramp from 165 to 105 kW
                .then(sc -> assertEquals(135, status("dr-2", sc).targetKw(), 1), limitedBySays("(ramping)"))
                .at(900, s)
                .then(loadLimitKw(105 - AUX_KW), importKw(105, 3.5))
                .at(1400, s)
                .then(performance("dr-2", p -> {
                    assertEquals(165, p.baselineKw(), 0.5);
                    assertEquals(480, p.measuredSeconds(), "10 minutes less the 2-minute ramp");
                    assertEquals(60, p.achievedReductionKw(), 0.5, "achieved");
                    assertEquals(0, p.shortfallKwS(), 1, "met after the ramp");
                }));
        assertEquals(600, book.compliance("dr-2").orElseThrow().size(), "the ramp's seconds recorded too");
        assertTrue(book.compliance("dr-2").orElseThrow().stream().limit(120).noneMatch(r -> r.measured()));
    }

    @Test
    void anEventBelowTheFirmFloorsIsMetDownToThemAndTheOptOutIsSaidAtOnce() {
        given(container().with(limits(50)))
                .at(5, s)
                .when(schedule("dr-3", 60, 5, Duration.ZERO, new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 60)))
                .then(sc -> assertTrue(status("dr-3", sc).optOut().contains("firm floors (50 kW)"),
                        status("dr-3", sc).optOut()));
    }

    @Test
    void aHardLimitBelowTheEventBindsAndAnEventNeverRaisesAnything() {
        given(container().with(limits(0))).when(batteryOffersNoPower())
                .when(schedule("dr-4", 10, 10, Duration.ZERO, new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 150)),
                        importCapOverride(90, Duration.ofMinutes(5), "ops"))
                .at(30, s)
                .then(bindingGuard("power"), limitedBySays("grid event"))
                .when(schedule("dr-5", 40, 10, Duration.ZERO, new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 2000)))
                .at(45, s)
                .then(bindingGuard("power"));
    }

    @Test
    void aCancelledEventEndsNowItsRecordIsClosedAndTheMinersReturn() {
        given(container().with(limits(0))).when(batteryOffersNoPower())
                .when(schedule("dr-6", 10, 30, Duration.ZERO, new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 100)))
                .at(70, s)
                .then(bindingGuard("grid event"))
                .when(cancel("dr-6"))
                .at(75, s)
                .then(state("dr-6", GridEventStatus.State.CANCELLED), performance("dr-6", p -> assertTrue(
                        p.measuredSeconds() >= 59 && p.measuredSeconds() <= 61, "" + p.measuredSeconds())))
                .runFor(120, s)
                .then(allMinersAwake());
    }

    @Test
    void secondsWithoutAGoodImportReadingAreUnmeasuredAndTheLastEstimateStands() {
        given(container().with(limits(0))).when(batteryOffersNoPower())
                .when(schedule("dr-7", 10, 5, Duration.ZERO, new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 100)))
                .at(30, s)
                .when(importBad())
                .at(40, s)
                .then(sc -> assertFalse(sc.status().maxMinerKw() > 100 - AUX_KW + 1e-6, "the limit holds"))
                .when(meterAnswers())
                .at(400, s)
                .then(performance("dr-7", p -> {
                    assertTrue(p.unmeasuredSeconds() >= 9, "unmeasured " + p.unmeasuredSeconds());
                    assertEquals(300, p.measuredSeconds() + p.unmeasuredSeconds());
                }));
    }

    @Test
    void theBatteryDoesNotChargeFromTheGridWhileAnEventHoldsTheImport() {
        GridLimits limits = limits(0);
        given(container().with(limits))
                .when(sc -> sc.loop().followBatteryPlan(limits.batteryDuringEvents(cycle -> null)))
                .when(schedule("dr-8", 60, 5, Duration.ZERO, new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 150)))
                .at(30, s)
                .then(sc -> assertTrue(sc.importKw() > 300, "the battery recharges before: " + sc.importKw()))
                .at(70, s)
                .then(importKw(150, 3.5), loadLimitKw(150 - AUX_KW))
                .at(400, s)
                .then(sc -> assertTrue(sc.importKw() > 300, "and again after: " + sc.importKw()));
    }
}
