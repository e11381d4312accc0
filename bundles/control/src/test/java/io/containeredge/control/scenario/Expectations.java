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

    /** How far a committed power may be off: sums of shares in floating point. */
    private static final double KW_EPS = 1e-6;

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

    /** The binding line is exactly this: the limit source's name and its reason. */
    public static Expectation bindingIs(String binding) {
        return s -> assertEquals(binding, s.status().binding(), "binding");
    }

    /** The hard guard that binds ({@code thermal}, {@code power}, {@code estop}). */
    public static Expectation bindingGuard(String guard) {
        return s -> assertEquals(guard, s.status().bindingGuard(), "binding guard; binding: " + s.status().binding());
    }

    /** The reason chain for people begins with this ("miners limited by: power: ..."). */
    public static Expectation limitedByStartsWith(String text) {
        return s -> assertTrue(s.status().limitedBy().startsWith(text), s.status().limitedBy());
    }

    /** The reason chain for people names this somewhere. */
    public static Expectation limitedBySays(String text) {
        return s -> assertTrue(s.status().limitedBy().contains(text), s.status().limitedBy());
    }

    /** This miner is awake (or asleep) by its own report. */
    public static Expectation minerAwake(int miner, boolean awake) {
        return s -> assertEquals(awake, s.fleet().miner(miner).awake(s.now()), "miner " + miner + " awake");
    }

    /** This miner's power target in force, in W. */
    public static Expectation minerTargetW(int miner, double watts) {
        return s -> assertEquals(watts, s.fleet().miner(miner).targetW(s.now()), 1e-6, "miner " + miner + " target");
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

    /** The status line's limit on the miners is below this. */
    public static Expectation minerLimitBelowKw(double kw) {
        return s -> assertTrue(s.status().maxMinerKw() < kw, "miner limit " + s.status().maxMinerKw() + " kW");
    }

    /** What the allocator has allowed the miners by its commands. */
    public static Expectation committedKw(double kw) {
        return s -> assertEquals(kw, s.status().committedKw(), KW_EPS, "committed to the miners");
    }

    /**
     * The miners are allowed whole miners up to {@code kw}: the allocator trims one miner or puts it to sleep
     * when a trim would go too low, so less than one miner's rating is left over.
     */
    public static Expectation committedWholeMinersUpTo(double kw) {
        return s -> {
            double committed = s.status().committedKw();
            assertTrue(committed <= kw + KW_EPS && committed > kw - s.fleet().minerRatedKw(),
                    "miners " + committed + " kW of " + kw);
        };
    }

    /**
     * For the next {@code time}, cycle by cycle, the miners come back no faster than the wake ramp from what
     * they were allowed at the start: the wake budget refills at the ramp and keeps at most a second of it (or
     * one miner) while unused, so that much may come at once. The fleet must have more than that to bring back,
     * or the ramp would not show.
     */
    public static Expectation minersWakeAtTheRampFor(double time, TimeUnit unit) {
        return s -> {
            double startKw = s.status().committedKw();
            long start = s.now();
            double rampKwPerS = s.config().wakeRampKwPerS();
            double savedKw = Math.max(rampKwPerS, s.fleet().minerRatedKw());
            assertTrue(s.fleet().ratedKw() - startKw > savedKw, "more to bring back than the saved budget");
            long until = start + Scenario.millis(time, unit);
            while (s.now() < until) {
                long cycleAt = s.now();
                s.cycle();
                double allowedKw = savedKw + rampKwPerS * (cycleAt - start) / 1000.0;
                assertTrue(s.status().committedKw() - startKw <= allowedKw + KW_EPS, "miners back at the wake ramp, "
                        + "not at once: " + s.status().committedKw() + " kW at " + (cycleAt - start) + " ms");
            }
        };
    }

    /** A load kind the container was given draws this much. */
    public static Expectation loadDrawsKw(String kind, double kw) {
        return s -> assertEquals(kw, s.load(kind).drawKw(), kind + " draw");
    }

    /** The meter's import, within {@code toleranceKw}. */
    public static Expectation importKw(double kw, double toleranceKw) {
        return s -> assertEquals(kw, s.importKw(), toleranceKw, "import");
    }

    public static Expectation minerKw(double kw, double toleranceKw) {
        return s -> assertEquals(kw, s.minerKw(), toleranceKw, "miner draw");
    }
}
