package io.containeredge.simulator.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.site.api.PvPlantSettings;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.simulator.physics.PvPlant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's PV forecast: 48 h of quarter hours of clear-sky output and the site's ambient. */
class PvForecastFileTest {

    static final long QUARTER = 15 * 60_000;
    static final PvPlantSettings PLANT = new PvPlantSettings(400, 31.9, -102.1, 1);

    @TempDir
    Path dir;

    @Test
    void fortyEightHoursOfQuarterHoursFromTheOneCoveringNow() throws Exception {
        long now = Instant.parse("2026-06-21T18:52:00Z").toEpochMilli();
        JsonNode slots = new ObjectMapper().readTree(new PvForecastFile(PLANT, 25).fileAt(now)).get("slots");
        assertEquals(192, slots.size());
        long first = Instant.parse("2026-06-21T18:45:00Z").toEpochMilli();
        double peak = 0;
        for (int i = 0; i < 192; i++) {
            JsonNode s = slots.get(i);
            long start = s.get("start").asLong();
            assertEquals(first + i * QUARTER, start);
            assertEquals(15, s.get("minutes").asInt());
            assertEquals(25.0, s.get("ambientC").asDouble());
            assertEquals(PvPlant.clearSkyKw(400, 31.9, -102.1, start + QUARTER / 2), s.get("pvKw").asDouble(), 0.05,
                    "the clear sky at the slot's middle");
            peak = Math.max(peak, s.get("pvKw").asDouble());
        }
        assertTrue(peak > 350, "noon's " + peak);
        assertEquals(0, slots.get(40).get("pvKw").asDouble(), "04:45 UTC, night in Texas");
    }

    @Test
    void theDemoFeedsWriteThePricesAndTheForecastBesideThem() throws Exception {
        Path prices = dir.resolve("demo-prices.json");
        var demo = SiteDocuments.loadBuiltIn("demo-container").config();
        try (DemoFeeds feeds = DemoFeeds.start(demo, prices,
                AheadPrices.stepsThenYear(new DemoPriceSchedule(System.currentTimeMillis()), PriceYear.sample()))) {
            Path forecast = dir.resolve(DemoFeeds.FORECAST_FILE);
            long deadline = System.currentTimeMillis() + 10_000;
            while (!(Files.exists(prices) && Files.exists(forecast)) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(570, new ObjectMapper().readTree(prices.toFile()).get("slots").size());
            assertEquals(192, new ObjectMapper().readTree(forecast.toFile()).get("slots").size());
            assertEquals(2, feeds.describe().size(), feeds.describe().toString());
        }
        try (var left = Files.list(dir)) {
            assertEquals(2, left.count(), "no temporary file left beside them");
        }
    }
}
