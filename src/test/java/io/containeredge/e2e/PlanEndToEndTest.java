package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage and renewables planner in the assembled gateway against the simulator's PV plant and its price feed
 * (the sample price year, written 47.5 h ahead) and PV forecast file, on the demo site cut to 60 miners of its three
 * models. The plant is put on the equator at the longitude where the sun is at its highest now, so the test sees
 * daylight whenever it runs. The gateway follows a 48-hour plan built on the forecast; a cloud injected into the
 * simulator is a forecast error, and the planner re-plans on it.
 */
class PlanEndToEndTest {

    @TempDir
    static Path work;
    static RunningContainer container;

    @BeforeAll
    static void start() throws Exception {
        int minersBase = RunningContainer.freeRange(60);
        Path data = Files.createDirectories(work.resolve("data"));
        container = RunningContainer.start(work, demo -> sunnyDemo(demo, minersBase), minersBase,
                List.of("--feeds", data.toString()), "--data", data.toString());
    }

    /** The demo with 60 miners (0-19 S19j Pro-, 20-49 S21-, 50-59 M56S-class) and its plant where it is noon now. */
    static String sunnyDemo(String demo, int minersBase) {
        double utcHours = Instant.now().atZone(ZoneOffset.UTC).toLocalTime().toSecondOfDay() / 3600.0;
        double longitude = ((15 * (12 - utcHours) + 540) % 360) - 180;
        return RunningContainer.withoutAi(demo).replace("count: 240", "count: 60")
                .replace("basePort: 14100", "basePort: " + minersBase)
                .replace("{name: s19j-pro, from: 0, to: 39,", "{name: s19j-pro, from: 0, to: 19,")
                .replace("{name: m56s, from: 200, to: 239,", "{name: m56s, from: 50, to: 59,")
                .replace("latitude: 31.9", "latitude: 0.0")
                .replace("longitude: -102.1", String.format(Locale.ROOT, "longitude: %.2f", longitude));
    }

    @AfterAll
    static void stop() throws Exception {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void theGatewayFollowsAPlanOnThePlantsForecastAndReplansOnACloud() throws Exception {
        Eventually.within(Duration.ofSeconds(120), () -> {
            JsonNode plan = container.api.get("/api/v1/plan");
            assertEquals("FOLLOWING", plan.get("state").asText(), plan.get("reason").asText());
            assertTrue(plan.get("now").get("pvForecastKw").asDouble() > 250, "the forecast file is taken: " + plan.get("now"));
            assertTrue(plan.get("now").get("pvKw").asDouble() > 250, "the plant is read: " + plan.get("now"));
        });
        JsonNode plan = container.api.get("/api/v1/plan");
        JsonNode slots = plan.get("slots");
        assertTrue(slots.size() >= 190, "48 h of quarter hours from now's: " + slots.size());
        for (JsonNode s : slots) {
            assertTrue(s.get("importKw").asDouble() <= s.get("importCapKw").asDouble() + 1e-6, s.toString());
            assertTrue(s.get("socPct").asDouble() >= 20 - 1e-6 && s.get("socPct").asDouble() <= 95 + 1e-6, s.toString());
        }
        assertTrue(slots.get(0).get("pvForecastKw").asDouble() > 250, slots.get(0).toString());
        // the reason is the last cycle's: the cycle after the first solve, a quarter second later at most
        Eventually.within(Duration.ofSeconds(5), () -> {
            JsonNode now = container.api.get("/api/v1/plan").get("now");
            assertTrue(now.get("batteryReason").asText().contains("plan slot"),
                    "the power guard follows the plan's battery target: " + now);
        });

        container.simulator.send("cloud 0.8");
        Eventually.within(Duration.ofSeconds(150), () -> {
            JsonNode p = container.api.get("/api/v1/plan");
            assertTrue(p.get("trigger").asText().contains("forecast error -"), p.get("trigger").asText());
        });
        JsonNode replanned = container.api.get("/api/v1/plan");
        assertEquals("FOLLOWING", replanned.get("state").asText());
        assertTrue(replanned.get("slots").get(0).get("pvForecastKw").asDouble() < 150,
                "the current slot is re-planned on the clouded reading: " + replanned.get("slots").get(0));
    }
}
