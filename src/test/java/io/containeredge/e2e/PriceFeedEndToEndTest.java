package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A market price feed over signed MQTT reaching the economic limit of the assembled gateway: the mixed-fleet
 * container with an economics section prices its miners with the tariff until a {@code price.update} brings live
 * slots; a feed with a hole is rejected naming the slot and leaves the live prices as they were; a live price past
 * its slot falls back to the tariff, and the status says so. A generation forecast sent the same way to this site,
 * which has no planner section, is refused with the controller's reason, and one with a field the forecast does not
 * have is refused naming it; the plan endpoint says why there is no plan.
 */
class PriceFeedEndToEndTest {

    static final int MINERS = 40;
    private static final long QUARTER = Duration.ofMinutes(15).toMillis();

    @TempDir
    static Path work;
    static CloudSite site;
    static RunningContainer container;

    @BeforeAll
    static void start() throws Exception {
        site = CloudSite.start(work, "");
        int minersBase = RunningContainer.freeRange(MINERS);
        String mixed = Files.readString(ChildProcess.root().resolve("firmware-config/sites/mixed-container.yaml"))
                .replace("site: mixed-site", "site: " + SparkplugHost.SITE)
                .replace("container: c-02", "container: " + SparkplugHost.CONTAINER)
                .replace("count: 240", "count: " + MINERS)
                .replace("basePort: 14100", "basePort: " + minersBase)
                .replace("{name: s19j-pro, from: 0, to: 39,", "{name: s19j-pro, from: 0, to: 19,")
                .replace("{name: s21-braiins, from: 40, to: 47,", "{name: s21-braiins, from: 20, to: 27,")
                .replaceAll("(?m)^ *- \\{name: m56s,.*\\n", "")
                + "economics:\n  tariff:\n    timeZone: UTC\n    baseUsdPerMwh: 40\n"
                + "  hashprice:\n    usdPerThDay: 0.05\n  holdTime: 0s\n";
        container = site.startContainer(work, demo -> mixed, minersBase);
        site.host().await("NBIRTH", r -> r.is("NBIRTH", null), 0, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        CloudSite.stop(container, site);
    }

    static JsonNode send(Map<String, Object> body) throws Exception {
        return site.host().request("command", SparkplugHost.envelope(CloudSite.KEY_ID, CloudSite.KEY, body),
                (String) body.get("id"));
    }

    static String economicReason() throws Exception {
        for (JsonNode v : container.api.get("/api/v1/control").get("verdicts")) {
            if (v.get("guard").asText().equals("economics")) {
                return v.get("reason").asText();
            }
        }
        throw new AssertionError("no economics verdict");
    }

    /** {@code n} quarter-hours from the one running now, at {@code usdPerMwh}; the second start as ISO-8601. */
    static List<Map<String, Object>> quarterHours(long from, int n, double usdPerMwh) {
        List<Map<String, Object>> slots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = from + i * QUARTER;
            slots.add(Map.of("start", i == 1 ? Instant.ofEpochMilli(start).toString() : start, "minutes", 15,
                    "usdPerMwh", usdPerMwh));
        }
        return slots;
    }

    @Test
    void liveSlotsReplaceTheTariffAndAFeedWithAHoleChangesNothing() throws Exception {
        Eventually.within(Duration.ofSeconds(60), () -> assertTrue(economicReason().contains("tariff base"),
                economicReason()));

        long now = System.currentTimeMillis();
        long from = now - now % QUARTER;
        JsonNode accepted = send(SparkplugHost.body("price.update", Map.of("slots", quarterHours(from, 8, 5000))));
        assertEquals("accepted", accepted.get("status").asText(), accepted.toString());
        Eventually.within(Duration.ofSeconds(30), () -> {
            String reason = economicReason();
            assertTrue(reason.contains("price 5000 USD/MWh") && reason.contains("(live slot "), reason);
        });

        List<Map<String, Object>> holed = quarterHours(from, 4, 30);
        holed.remove(2);
        JsonNode rejected = send(SparkplugHost.body("price.update", Map.of("slots", holed)));
        assertEquals("rejected", rejected.get("status").asText(), rejected.toString());
        assertTrue(rejected.get("reason").asText().contains("hole before price slot 2"), rejected.toString());
        Thread.sleep(2000); // a few cycles: the live prices received before still hold
        String reason = economicReason();
        assertTrue(reason.contains("price 5000 USD/MWh") && reason.contains("(live slot "), reason);
    }

    @Test
    void aForecastForASiteWithoutAPlannerIsRefusedWithTheControllersReason() throws Exception {
        long now = System.currentTimeMillis();
        long from = now - now % QUARTER;
        List<Map<String, Object>> slots = List.of(Map.of("start", from, "minutes", 15, "pvKw", 420.5, "ambientC", 31),
                Map.of("start", Instant.ofEpochMilli(from + QUARTER).toString(), "minutes", 15, "pvKw", 380));
        JsonNode refused = send(SparkplugHost.body("forecast.update", Map.of("slots", slots)));
        assertEquals("rejected", refused.get("status").asText(), refused.toString());
        assertTrue(refused.get("reason").asText().contains("no planner section"), refused.toString());

        JsonNode unknownField = send(SparkplugHost.body("forecast.update", Map.of("slots",
                List.of(Map.of("start", from, "minutes", 15, "pvKw", 420.5, "usdPerMwh", 40)))));
        assertEquals("rejected", unknownField.get("status").asText(), unknownField.toString());
        assertTrue(unknownField.get("reason").asText().contains("params.slots[0].usdPerMwh is not a field of"
                + " forecast.update"), unknownField.toString());

        HttpResponse<String> plan = container.api.request("GET", "/api/v1/plan");
        assertEquals(404, plan.statusCode(), plan.body());
        assertTrue(plan.body().contains("no planner section"), plan.body());
    }

    @Test
    void aLivePricePastItsSlotFallsBackToTheTariffVisibleInTheStatus() throws Exception {
        long now = System.currentTimeMillis();
        long fiveMinutes = Duration.ofMinutes(5).toMillis();
        // one 5-minute slot that ends 25 s from now: taken, then past its slot
        long start = now - fiveMinutes + Duration.ofSeconds(25).toMillis();
        JsonNode accepted = send(SparkplugHost.body("price.update",
                Map.of("slots", List.of(Map.of("start", start, "minutes", 5, "usdPerMwh", 777)))));
        assertEquals("accepted", accepted.get("status").asText(), accepted.toString());
        Eventually.within(Duration.ofSeconds(20), () -> assertTrue(economicReason().contains("price 777 USD/MWh"),
                economicReason()));

        Eventually.within(Duration.ofSeconds(40), () -> {
            String reason = economicReason();
            assertTrue(reason.contains("tariff base") && reason.contains("live prices ended at"), reason);
        });
        JsonNode priceNow = container.api.get("/api/v1/economics").get("priceNow");
        assertEquals("TARIFF", priceNow.get("source").asText(), priceNow.toString());
        assertEquals(40, priceNow.get("usdPerMwh").asDouble(), priceNow.toString());
        assertTrue(priceNow.get("fallback").asText().startsWith("live prices ended at"), priceNow.toString());
    }
}
