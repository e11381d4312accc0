package io.containeredge.control.loop;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.batteryEmpty;
import static io.containeredge.control.scenario.Events.importCapLifted;
import static io.containeredge.control.scenario.Events.importCapOverride;
import static io.containeredge.control.scenario.Expectations.allMinersAwake;
import static io.containeredge.control.scenario.Expectations.bindingGuard;
import static io.containeredge.control.scenario.Expectations.bindingIs;
import static io.containeredge.control.scenario.Expectations.committedKw;
import static io.containeredge.control.scenario.Expectations.committedWholeMinersUpTo;
import static io.containeredge.control.scenario.Expectations.limitedBySays;
import static io.containeredge.control.scenario.Expectations.limitedByStartsWith;
import static io.containeredge.control.scenario.Expectations.loadDrawsKw;
import static io.containeredge.control.scenario.Expectations.minerLimitBelowKw;
import static io.containeredge.control.scenario.Expectations.minerLimitKw;
import static io.containeredge.control.scenario.Expectations.minersWakeAtTheRampFor;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.allocation.Arbiter;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.limit.LimitSource;
import io.containeredge.control.load.LoadSteps;
import io.containeredge.control.load.LoadUnit;
import io.containeredge.control.scenario.Expectation;
import io.containeredge.control.scenario.Scenario;
import io.containeredge.control.scenario.VirtualLoad;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A load kind and a limit source added by one class each and their registration, the arbiter and the load
 * budget untouched: an AI rack under contract (firm, 40 kW floor) beside the 40 miners of the demo site
 * (140 kW), and a grid event that allows 100 kW for two minutes.
 */
class RackAndGridEventScenarioTest {

    /** GPU servers under contract, capped out of band: firm up to 40 kW, worth less per kW than the miners above it. */
    static final class RackLoad implements VirtualLoad {
        static final double RATED_KW = 60;
        static final double FLOOR_KW = 40;
        private double capKw = RATED_KW;

        @Override
        public String name() {
            return "rack";
        }

        @Override
        public Commitment commitment() {
            return Commitment.FIRM;
        }

        @Override
        public double floorKw() {
            return FLOOR_KW;
        }

        @Override
        public double valuePerKw() {
            return 0.5;
        }

        @Override
        public LoadSteps steps() {
            return new LoadSteps(0.5, false, false, Duration.ofSeconds(1));
        }

        @Override
        public List<LoadUnit> observe(Cycle cycle) {
            return List.of(new LoadUnit("rack-1", drawKw() * 1000, RATED_KW * 1000, true));
        }

        /** Its power cap follows the share at once. */
        @Override
        public double apply(Arbiter.Decision grant, Cycle cycle) {
            capKw = Math.min(RATED_KW, grant.maxMinerKw());
            return capKw;
        }

        @Override
        public double drawKw() {
            return capKw;
        }
    }

    /** A coincident-peak event ("4CP"): a limit for the controllable loads between two wall-clock times. */
    record GridEventLimit(double kw, long fromMillis, long untilMillis) implements LimitSource {

        /** An event that allows {@code kw}; it starts and ends as {@link #from} and {@link #until} say. */
        static GridEventLimit gridEvent(double kw) {
            return new GridEventLimit(kw, Long.MIN_VALUE, Long.MAX_VALUE);
        }

        /** Starts this long after the scenario's start. */
        GridEventLimit from(double time, TimeUnit unit) {
            return new GridEventLimit(kw, Scenario.T0 + Scenario.millis(time, unit), untilMillis);
        }

        /** Ends this long after the scenario's start. */
        GridEventLimit until(double time, TimeUnit unit) {
            return new GridEventLimit(kw, fromMillis, Scenario.T0 + Scenario.millis(time, unit));
        }

        @Override
        public Verdict.Strength strength() {
            return Verdict.Strength.SOFT;
        }

        @Override
        public List<Verdict> evaluate(ContainerInputs in, Cycle cycle) {
            boolean on = cycle.wallMillis() >= fromMillis && cycle.wallMillis() < untilMillis;
            return List.of(on ? new Verdict("grid event", kw, false, "4CP", List.of(), Verdict.Strength.SOFT,
                    untilMillis) : Verdict.free("grid event"));
        }

        /** How the status names the event: its reason, when it ends on the gateway's clock, its limit. */
        String line() {
            String until = DateTimeFormatter.ofPattern("HH:mm").format(Instant.ofEpochMilli(untilMillis)
                    .atZone(ZoneId.systemDefault()));
            return "grid event: 4CP until " + until + " → " + Math.round(kw) + " kW";
        }
    }

    private static Expectation rackRunsAtItsRating() {
        return loadDrawsKw("rack", RackLoad.RATED_KW);
    }

    /** The rack's floor first; above it the miners are worth more. */
    private static Expectation rackServedItsFloor() {
        return loadDrawsKw("rack", RackLoad.FLOOR_KW);
    }

    /** The miners get what the limit leaves above the rack's floor, in whole miners. */
    private static Expectation minersTakeTheRestOf(double limitKw) {
        return committedWholeMinersUpTo(limitKw - RackLoad.FLOOR_KW);
    }

    /** Firm floors are shed last: the miners are allowed no more than the limit less the rack's floor. */
    private static Expectation minersLeaveTheRackItsFloor() {
        return sc -> assertTrue(sc.status().committedKw() <= sc.status().maxMinerKw() - RackLoad.FLOOR_KW + 1e-6,
                "miners: " + sc.status().committedKw());
    }

    @Test
    void theRackKeepsItsFloorTheMinersTakeTheRestTheEventBindsUnlessAHardLimitIsLowerAndTheMinersRampBack() {
        GridEventLimit event = GridEventLimit.gridEvent(100).from(10, s).until(130, s);
        given(container().with(new RackLoad()).with(event))
                .when(batteryEmpty()) // an override must be met by the loads, not covered by the battery
                .at(5, s)
                .then(rackRunsAtItsRating(), committedKw(140), allMinersAwake())
                .at(15, s)
                .then(bindingIs("grid event: 4CP"), minerLimitKw(100), rackServedItsFloor(), minersTakeTheRestOf(100),
                        limitedByStartsWith("miners limited by: " + event.line() + "; power: "))
                .when(importCapOverride(80, Duration.ofMinutes(10), "ops"))
                .at(75, s)
                .then(bindingGuard("power"), minerLimitBelowKw(80 - 25), rackServedItsFloor(),
                        minersLeaveTheRackItsFloor(), limitedByStartsWith("miners limited by: power: "),
                        limitedBySays("import cap override 80 kW"), limitedBySays("; " + event.line()))
                .when(importCapLifted("ops"))
                .at(130, s)
                .then(bindingIs("grid event: 4CP"), minersTakeTheRestOf(100))
                .then(minersWakeAtTheRampFor(60, s))
                .then(committedKw(140), allMinersAwake(), rackRunsAtItsRating(),
                        limitedByStartsWith("miners limited by: power: "));
    }
}
