package io.containeredge.control.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;

/**
 * What a scenario checks, by what people look at: miners, the guard that binds and why, alarms, the status.
 * {@link #by} and {@link #within} run the loop cycle by cycle on the virtual clock before or while checking.
 */
public final class Expectations {

    private Expectations() {
    }

    /** Runs cycles until {@code time} after the start, then checks. */
    public static Expectation by(double time, TimeUnit unit, Expectation expectation) {
        return s -> expectation.check(s.at(time, unit));
    }

    /** Holds after some cycle of the next {@code time}: the loop runs cycle by cycle until it does. */
    public static Expectation within(double time, TimeUnit unit, Expectation expectation) {
        return s -> {
            long until = s.now() + Scenario.millis(time, unit);
            AssertionError last = null;
            while (s.now() <= until) {
                try {
                    expectation.check(s);
                    return;
                } catch (AssertionError notYet) {
                    last = notYet;
                }
                if (s.now() < until) {
                    s.cycle();
                } else {
                    break;
                }
            }
            fail("not within " + time + " " + unit.name().toLowerCase() + ": " + last.getMessage(), last);
        };
    }

    public static Expectation minersAwake(long count) {
        return s -> assertEquals(count, s.minersAwake(), "miners awake");
    }

    public static Expectation allMinersAwake() {
        return s -> assertEquals(s.fleet().size(), s.minersAwake(), "every miner awake");
    }

    public static Expectation allMinersAsleep() {
        return minersAwake(0);
    }

    public static Expectation allMinersAsleepBy(double time, TimeUnit unit) {
        return by(time, unit, allMinersAsleep());
    }

    /** The thermal guard's stage: NORMAL, WARNING, SAFE or TRIPPED. */
    public static Expectation thermalStage(String stage) {
        return s -> assertEquals(stage, s.status().thermalStage(), "thermal stage; binding: " + s.status().binding());
    }

    /** The binding guard's line says this (its name, its reason, the reading behind it). */
    public static Expectation bindingSays(String text) {
        return s -> assertTrue(s.status().binding().contains(text), s.status().binding());
    }

    public static Expectation alarmActive(String id) {
        return s -> assertNotNull(s.activeAlarm(id), "alarm " + id + " active; active: " + s.alarms().active());
    }

    public static Expectation noAlarm(String id) {
        return s -> assertNull(s.activeAlarm(id), "alarm " + id + " not active");
    }

    /** The status line's limit on the miners, in kW. */
    public static Expectation minerLimitKw(double kw) {
        return s -> assertEquals(kw, s.status().maxMinerKw(), 1e-9, "miner limit");
    }

    /** The meter's import, within {@code toleranceKw}. */
    public static Expectation importKw(double kw, double toleranceKw) {
        return s -> assertEquals(kw, s.importKw(), toleranceKw, "import");
    }

    public static Expectation minerKw(double kw, double toleranceKw) {
        return s -> assertEquals(kw, s.minerKw(), toleranceKw, "miner draw");
    }
}
