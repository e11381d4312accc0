package io.containeredge.site.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.site.api.MinerCurve.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinerCurveTest {

    /** An S21-class unit: 200 TH/s at 3500 W, hashrate falling slower than power when underclocked. */
    private final MinerCurve s21 = MinerCurve.of(List.of(new Point(3500, 200), new Point(1500, 110),
            new Point(2500, 165)));

    @Test
    void interpolatesBetweenItsPointsInWhateverOrderTheyCame() {
        assertEquals(110, s21.hashrateThAt(1500), 1e-9);
        assertEquals(137.5, s21.hashrateThAt(2000), 1e-9);
        assertEquals(200, s21.hashrateThAt(3500), 1e-9);
        assertEquals(1500, s21.minPowerW());
        assertEquals(3500, s21.maxPowerW());
    }

    @Test
    void underclockingImprovesEfficiency() {
        assertEquals(17.5, s21.joulesPerThAt(3500), 1e-9);
        assertTrue(s21.joulesPerThAt(1500) < s21.joulesPerThAt(2500));
        assertTrue(s21.joulesPerThAt(2500) < s21.joulesPerThAt(3500));
    }

    @Test
    void saysNothingOutsideItsPoints() {
        assertThrows(IllegalArgumentException.class, () -> s21.hashrateThAt(1499));
        assertThrows(IllegalArgumentException.class, () -> s21.hashrateThAt(3501));
    }

    @Test
    void aDeadHashboardScalesTheHashrateAtTheSamePower() {
        MinerCurve degraded = s21.scaledHashrate(2.0 / 3);
        assertEquals(200 * 2.0 / 3, degraded.hashrateThAt(3500), 1e-9);
        assertEquals(17.5 * 1.5, degraded.joulesPerThAt(3500), 1e-9);
    }

    @Test
    void refusesCurvesThatCannotBeReal() {
        assertThrows(IllegalArgumentException.class, () -> MinerCurve.of(List.of(new Point(3500, 200))));
        assertThrows(IllegalArgumentException.class,
                () -> MinerCurve.of(List.of(new Point(1500, 120), new Point(3500, 100))));
        assertThrows(IllegalArgumentException.class,
                () -> MinerCurve.of(List.of(new Point(1500, 120), new Point(1500, 130))));
    }
}
