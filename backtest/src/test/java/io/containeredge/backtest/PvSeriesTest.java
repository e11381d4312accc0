package io.containeredge.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The backtest's PV plant in West Texas (31.9 N, 102.1 W: solar noon at about 18:48 UTC). */
class PvSeriesTest {

    private static final double LAT = EnergyOptions.DEFAULT_LATITUDE;
    private static final double LON = EnergyOptions.DEFAULT_LONGITUDE;

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void theClearSkyIsHighestAtSolarNoonInSummerAndNothingAtNight() {
        double june = PvSeries.clearSky(LAT, LON, at("2026-06-21T18:48:00Z"));
        double december = PvSeries.clearSky(LAT, LON, at("2026-12-21T18:48:00Z"));
        // the sun 81.5 degrees high in June, 34.7 in December
        assertEquals(Math.pow(Math.sin(Math.toRadians(81.5)), 1.2), june, 0.01);
        assertEquals(Math.pow(Math.sin(Math.toRadians(34.7)), 1.2), december, 0.02);
        assertEquals(0, PvSeries.clearSky(LAT, LON, at("2026-06-21T06:48:00Z")), "local midnight");
        assertTrue(PvSeries.clearSky(LAT, LON, at("2026-06-21T15:48:00Z"))
                < PvSeries.clearSky(LAT, LON, at("2026-06-21T17:48:00Z")), "rising towards noon");
    }

    @Test
    void aYearIsAPlausiblePlantsAndTheSameForTheSameSeed() {
        PvSeries plant = new PvSeries(400, LAT, LON, PvSeries.SEED);
        long start = at("2026-01-01T00:00:00Z");
        double mwh = 0;
        double maxKw = 0;
        for (long t = start; t < at("2027-01-01T00:00:00Z"); t += 900_000) {
            double kw = plant.kwAt(t);
            assertEquals(kw, plant.kwAt(t + 899_999), "constant within its quarter hour");
            mwh += kw / 4 / 1000;
            maxKw = Math.max(maxKw, kw);
        }
        double capacityFactor = mwh / (0.4 * 8760);
        assertTrue(capacityFactor > 0.15 && capacityFactor < 0.3, "capacity factor " + capacityFactor);
        assertTrue(maxKw <= 400, "never above its rating: " + maxKw);
        assertEquals(plant.kwAt(at("2026-05-02T19:00:00Z")),
                new PvSeries(400, LAT, LON, PvSeries.SEED).kwAt(at("2026-05-02T19:00:00Z")));
    }
}
