package io.containeredge.control.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.Reading;
import org.junit.jupiter.api.Test;

class PvExportLimitTest {

    private static final PvExportLimit.Settings ZERO_EXPORT = PvExportLimit.Settings.of(0, 400);

    private static Reading kw(double v) {
        return Reading.of(v, "test");
    }

    private static boolean alarmed(PvExportLimit.Decision d, String id) {
        return d.alarms().stream().map(AlarmCondition::id).anyMatch(id::equals);
    }

    /** The cap {@code atMillis} after the zero-export cap stood at 100 kW, the inverters making 100 kW. */
    private static double capAfter100(Reading importKw, long atMillis) {
        return PvExportLimit.decide(importKw, kw(100), new PvExportLimit.State(100, Long.MIN_VALUE, 0), atMillis,
                ZERO_EXPORT).capKw();
    }

    @Test
    void exportOverTheLimitCapsAtOnceAtPvLessTheExcess() {
        // PV 400 kW, load 100 kW: the meter reads -300 kW; with no export allowed PV may make 100 kW
        PvExportLimit.Decision d = PvExportLimit.decide(kw(-300), kw(400), PvExportLimit.State.released(0), 250,
                ZERO_EXPORT);
        assertEquals(100, d.capKw(), 1e-9);
        assertEquals(25, d.capPct(ZERO_EXPORT), 1e-9);
        assertTrue(alarmed(d, PvExportLimit.LIMITED));
    }

    @Test
    void exportWithinTheLimitLeavesPvFree() {
        PvExportLimit.Decision d = PvExportLimit.decide(kw(-200), kw(400), PvExportLimit.State.released(0), 250,
                PvExportLimit.Settings.of(300, 400));
        assertFalse(d.state().capping());
        assertTrue(d.alarms().isEmpty());
    }

    @Test
    void theCapNeverRisesWhileExportIsOver() {
        // the sun is not the limit: the inverter makes 100 kW and export is still 20 kW over (load fell)
        assertEquals(80, capAfter100(kw(-20), 250), 1e-9);
    }

    @Test
    void underTheLimitByTheMarginTheCapRisesAtTheRamp() {
        // 10 % of 400 kW per second over half a second
        assertEquals(120, capAfter100(kw(50), 500), 1e-9);
    }

    @Test
    void theCapRisesByNoMoreThanTheHeadroom() {
        assertEquals(108, capAfter100(kw(8), 500), 1e-9);
    }

    @Test
    void withinTheMarginTheCapHolds() {
        assertEquals(100, capAfter100(kw(2), 500), 1e-9);
    }

    @Test
    void theCapIsReleasedAfterStandingAtTheFullRating() {
        PvExportLimit.State nearlyFull = new PvExportLimit.State(395, Long.MIN_VALUE, 0);
        PvExportLimit.Decision full = PvExportLimit.decide(kw(50), kw(300), nearlyFull, 1_000, ZERO_EXPORT);
        assertEquals(400, full.capKw(), 1e-9);
        PvExportLimit.Decision still = PvExportLimit.decide(kw(50), kw(300), full.state(), 30_000, ZERO_EXPORT);
        assertTrue(still.state().capping(), "not yet 30 s at the full rating");
        PvExportLimit.Decision released = PvExportLimit.decide(kw(50), kw(300), still.state(), 31_000, ZERO_EXPORT);
        assertFalse(released.state().capping());
        assertFalse(alarmed(released, PvExportLimit.LIMITED));
    }

    @Test
    void anImportReadingNotGoodCapsAtTheExportLimit() {
        PvExportLimit.Settings s = PvExportLimit.Settings.of(50, 400);
        PvExportLimit.Decision d = PvExportLimit.decide(Reading.bad("meter-main/active_power", "stale"), kw(400),
                PvExportLimit.State.released(0), 250, s);
        assertEquals(50, d.capKw(), 1e-9);
        assertTrue(alarmed(d, PvExportLimit.IMPORT_BAD));
        PvExportLimit.Decision lower = PvExportLimit.decide(Reading.bad("meter-main/active_power", "stale"), kw(20),
                new PvExportLimit.State(20, Long.MIN_VALUE, 0), 250, s);
        assertEquals(20, lower.capKw(), 1e-9, "a lower cap in force stays");
    }

    @Test
    void aPvReadingNotGoodKeepsTheLastCap() {
        PvExportLimit.State capped = new PvExportLimit.State(100, Long.MIN_VALUE, 0);
        PvExportLimit.Decision d = PvExportLimit.decide(kw(-50), Reading.bad("pv/m103.W", "stale"), capped, 250,
                ZERO_EXPORT);
        assertEquals(100, d.capKw(), 1e-9);
        assertTrue(alarmed(d, PvExportLimit.PV_BAD));
    }

    @Test
    void aPvReadingNotGoodWithoutACapMattersOnlyOverTheLimit() {
        PvExportLimit.Settings s = PvExportLimit.Settings.of(50, 400);
        Reading bad = Reading.bad("pv/m103.W", "not read yet");
        PvExportLimit.Decision within = PvExportLimit.decide(kw(-20), bad, PvExportLimit.State.released(0), 250, s);
        assertFalse(within.state().capping());
        assertTrue(within.alarms().isEmpty(), "nothing to cap, nothing to alarm");
        PvExportLimit.Decision over = PvExportLimit.decide(kw(-80), bad, PvExportLimit.State.released(0), 250, s);
        assertEquals(50, over.capKw(), 1e-9);
        assertTrue(alarmed(over, PvExportLimit.PV_BAD));
    }

    @Test
    void theCapNeverGoesBelowZero() {
        PvExportLimit.Decision d = PvExportLimit.decide(kw(-300), kw(100), PvExportLimit.State.released(0), 250,
                ZERO_EXPORT);
        assertEquals(0, d.capKw(), 1e-9);
    }
}
