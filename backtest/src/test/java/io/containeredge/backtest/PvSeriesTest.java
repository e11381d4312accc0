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
    void nothingAtNightTheMostAroundSolarNoon() {
        PvSeries plant = new PvSeries(400, LAT, LON, PvSeries.SEED);
        assertEquals(0, plant.kwAt(at("2026-06-21T06:48:00Z")), "local midnight");
        double noon = plant.kwAt(at("2026-06-21T18:48:00Z"));
        assertTrue(noon > plant.kwAt(at("2026-06-21T15:48:00Z")) && noon > 0, "rising towards noon: " + noon);
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
