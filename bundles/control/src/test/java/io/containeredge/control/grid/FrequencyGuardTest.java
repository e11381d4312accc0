package io.containeredge.control.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.grid.FrequencyGuard.Decision;
import io.containeredge.control.grid.FrequencyGuard.Loads;
import io.containeredge.control.grid.FrequencyGuard.Mode;
import io.containeredge.control.grid.FrequencyGuard.Reading;
import io.containeredge.control.grid.FrequencyGuard.State;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.site.api.FrequencyGuardSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The guard as a pure function: one call per control cycle, a reading counted once by its timestamp. */
class FrequencyGuardTest {

    private static final FrequencyGuardSettings ALL = settings(true, 0);
    private static final Loads LOADS = new Loads(800, 900, 100);

    private static FrequencyGuardSettings settings(boolean all, double kw) {
        return new FrequencyGuardSettings("meter-main", "frequency", Duration.ofMillis(100), 60, 59.7, 2, all, kw,
                false, 0.1, Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** Feeds readings one per 100 ms from {@code t}, as a 100 ms poll and cycle would. */
    private static final class Run {
        final FrequencyGuardSettings s;
        State state = State.initial();
        long now;
        Decision last;

        Run(FrequencyGuardSettings s) {
            this.s = s;
        }

        Decision read(double hz) {
            now += 100;
            return see(new Reading(hz, true, now, null));
        }

        Decision see(Reading r) {
            last = FrequencyGuard.evaluate(r, s, LOADS, now, state);
            state = last.state();
            return last;
        }

        Decision readFor(double hz, long millis) {
            long until = now + millis;
            while (now < until) {
                read(hz);
            }
            return last;
        }
    }

    @Test
    void twoConsecutiveNewReadingsBelowTheThresholdShed() {
        Run run = new Run(ALL);
        assertEquals(Mode.NORMAL, run.read(59.6).state().mode());
        // the same reading seen by a second cycle is not a second reading
        run.now += 50;
        assertEquals(Mode.NORMAL, run.see(new Reading(59.6, true, run.now - 50, null)).state().mode());
        Decision shed = run.read(59.6);
        assertEquals(Mode.SHED, shed.state().mode());
        assertEquals(100, shed.limitKw(), 1e-9, "every miner shed: the firm floors are left");
        assertTrue(shed.holdWake());
        assertTrue(shed.alarms().stream().anyMatch(a -> a.id().equals(FrequencyGuard.UNDER_FREQUENCY)
                && a.severity() == AlarmCondition.Severity.CRITICAL));
    }

    @Test
    void aReadingAboveOrUnknownBetweenTwoLowOnesDoesNotShed() {
        Run run = new Run(ALL);
        run.read(59.6);
        run.read(59.7);
        run.read(59.6);
        run.now += 100;
        assertEquals(Mode.BLIND, run.see(new Reading(Double.NaN, false, run.now, "stale: no answer")).state().mode());
        assertEquals(Mode.NORMAL, run.read(59.6).state().mode());
        assertEquals(Mode.SHED, run.read(59.6).state().mode());
    }

    @Test
    void aBlockIsShedFromTheDrawAtTheTrip() {
        Run run = new Run(settings(false, 300));
        run.read(59.0);
        assertEquals(500, run.read(59.0).limitKw(), 1e-9);
    }

    @Test
    void theRecoveryTimerStartsAgainWhenTheFrequencySagsUnderTheRestoreFrequency() {
        Run run = new Run(ALL);
        run.readFor(59.5, 500);
        run.readFor(59.9, 20_000);
        run.read(59.8);
        assertEquals(Mode.SHED, run.readFor(59.9, 29_000).state().mode());
        assertEquals(Mode.RESTORING, run.readFor(59.9, 1_100).state().mode());
        assertFalse(run.last.holdWake());
    }

    @Test
    void theRampIsLinearPausesWhileBlindAndEndsFree() {
        Run run = new Run(ALL);
        run.readFor(59.5, 500);
        run.readFor(60.0, 30_000);
        double start = run.read(60.0).limitKw();
        assertEquals(100, start, 10);
        assertEquals(100 + 800 / 2.0, run.readFor(60.0, 30_000).limitKw(), 10);
        double before = run.last.limitKw();
        for (int i = 0; i < 50; i++) {
            run.now += 100;
            run.see(new Reading(Double.NaN, false, run.now, "invalid: NaN"));
        }
        assertEquals(Mode.RESTORING, run.last.state().mode());
        assertEquals(before, run.last.limitKw(), 1e-9, "blind: the ramp holds");
        assertEquals(Mode.NORMAL, run.readFor(60.0, 31_000).state().mode());
        assertEquals(Double.POSITIVE_INFINITY, run.last.limitKw());
    }

    @Test
    void aNewDipWhileRestoringShedsAgainFromWhereTheRampWas() {
        Run run = new Run(settings(false, 300));
        run.readFor(59.5, 500);
        run.readFor(60.0, 45_000);
        double ramp = run.last.limitKw();
        run.read(59.6);
        Decision again = run.read(59.6);
        assertEquals(Mode.SHED, again.state().mode());
        assertTrue(again.limitKw() <= ramp, again.limitKw() + " <= " + ramp);
        assertEquals(2, again.state().sheds());
    }

    @Test
    void anImplausibleReadingIsUnknown() {
        Run run = new Run(ALL);
        Decision d = run.read(50.0);
        assertEquals(Mode.BLIND, d.state().mode());
        assertTrue(Double.isNaN(d.hz()));
        assertTrue(d.reason().contains("not plausible"), d.reason());
        assertEquals(Double.POSITIVE_INFINITY, d.limitKw());
    }
}
