package io.containeredge.control.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.gateway.api.ControlHealth;
import org.junit.jupiter.api.Test;

/** The loop's health as the configuration trial sees it, on a virtual monotonic clock. */
class CycleHealthTest {

    private static final long MS = 1_000_000;

    @Test
    void beforeItsFirstCycleTheLoopHasBeenSilentSinceItStarted() {
        CycleHealth h = new CycleHealth(5_000 * MS);
        assertEquals(new ControlHealth.Sample(0, 0, 0, 3_000), h.sample(8_000 * MS));
    }

    @Test
    void countsCyclesAndTheTimeSinceTheLast() {
        CycleHealth h = new CycleHealth(0);
        for (int i = 1; i <= 10; i++) {
            h.completed(false, i * 250 * MS);
        }
        assertEquals(new ControlHealth.Sample(10, 10, 0, 1_500), h.sample(4_000 * MS));
    }

    @Test
    void overrunsAreCountedOverTheLatestWindowOnly() {
        CycleHealth h = new CycleHealth(0);
        long t = 0;
        for (int i = 0; i < CycleHealth.WINDOW; i++) {
            h.completed(true, t += 300 * MS);
        }
        assertEquals(CycleHealth.WINDOW, h.sample(t).recentOverruns());
        for (int i = 0; i < CycleHealth.WINDOW / 4; i++) {
            h.completed(false, t += 250 * MS);
        }
        ControlHealth.Sample s = h.sample(t);
        assertEquals(CycleHealth.WINDOW + CycleHealth.WINDOW / 4, s.cycles());
        assertEquals(CycleHealth.WINDOW, s.recentCycles());
        assertEquals(CycleHealth.WINDOW * 3 / 4, s.recentOverruns());
    }
}
