package io.containeredge.simulator.redfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GpuPowerModelTest {

    private static final double RATED = 10_200;
    /** 2023-11-15 00:00 UTC. */
    private static final long MIDNIGHT = 1_700_006_400_000L;

    private static GpuPowerModel model(GpuWorkload w, double swingPct) {
        return new GpuPowerModel(RATED, 7, w, swingPct, 10_000, MIDNIGHT, ZoneOffset.UTC);
    }

    @Test
    void trainingSwingsBetweenItsTwoLevelsEveryPeriodAndPausesForCheckpoints() {
        GpuPowerModel m = model(GpuWorkload.TRAINING, 40);
        int high = 0;
        int low = 0;
        int checkpoint = 0;
        int ramping = 0;
        int changes = 0;
        double last = m.drawW(0);
        for (long t = 0; t < GpuPowerModel.CHECKPOINT_EVERY_MILLIS; t += 100) {
            double w = m.drawW(t);
            if (Math.abs(w - RATED) < 1) {
                high++;
            } else if (Math.abs(w - 0.6 * RATED) < 1) {
                low++;
            } else if (Math.abs(w - 0.35 * RATED) < 1) {
                checkpoint++;
            } else {
                ramping++;
            }
            if (Math.abs(w - last) > 0.2 * RATED / 8) {
                changes++;
            }
            last = w;
        }
        // one 30 s checkpoint per 240 s cycle; the rest alternates every 10 s with ramps under a second
        assertEquals(300, checkpoint, 12);
        assertEquals(high, low, 120);
        assertTrue(ramping < 200, "ramps take under a second each: " + ramping);
        assertTrue(changes >= 2 * 20, "swings ramp in several steps of 100 ms, every 10 s: " + changes);
    }

    @Test
    void aCapIsFollowedWithAFirstOrderSettle() {
        GpuPowerModel m = model(GpuWorkload.TRAINING, 0);
        long t0 = 5_000;
        double before = m.drawW(t0);
        m.setCap(5_000, t0);
        double step = before - 5_000;
        assertTrue(m.drawW(t0 + 300) > 5_000 + 0.3 * step, "not instant: " + m.drawW(t0 + 300));
        assertTrue(m.drawW(t0 + 1_500) - 5_000 <= 0.05 * step + 1, "95 % within 1.5 s: " + m.drawW(t0 + 1_500));
        assertEquals(5_000, m.drawW(t0 + 5_000), 1);
        m.setCap(Double.NaN, t0 + 5_000);
        assertEquals(before, m.drawW(t0 + 5_100), 1, "lifting the cap frees the workload");
    }

    @Test
    void theDrawIsTheLowerOfWorkloadAndCap() {
        GpuPowerModel m = model(GpuWorkload.IDLE, 0);
        m.setCap(5_000, 0);
        assertEquals(0.15 * RATED, m.drawW(10_000), 1);
    }

    @Test
    void aFaultyServerIgnoresItsCap() {
        GpuPowerModel m = model(GpuWorkload.TRAINING, 0);
        m.setCap(4_000, 0);
        m.setIgnoreCap(true);
        assertEquals(RATED, m.drawW(10_000), 1);
        m.setIgnoreCap(false);
        assertEquals(4_000, m.drawW(10_000), 1);
    }

    @Test
    void inferenceFollowsTheHourOfTheDayWithinItsBand() {
        GpuPowerModel m = model(GpuWorkload.INFERENCE, 0);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (long t = 0; t < 86_400_000L; t += 60_000) {
            min = Math.min(min, m.drawW(t));
            max = Math.max(max, m.drawW(t));
        }
        assertTrue(min >= 0.32 * RATED && max <= 0.83 * RATED, min + " .. " + max);
        assertTrue(m.drawW(16 * 3_600_000L) > m.drawW(4 * 3_600_000L) + 0.4 * RATED);
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        GpuPowerModel a = model(GpuWorkload.INFERENCE, 0);
        GpuPowerModel b = model(GpuWorkload.INFERENCE, 0);
        for (long t = 0; t < 60_000; t += 777) {
            assertEquals(a.drawW(t), b.drawW(t));
        }
    }
}
