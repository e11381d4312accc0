package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The power guard in the assembled gateway: a container whose import cap is below its load gets the
 * battery discharging and miners curtailed until the meter is under the cap; a meter that goes
 * offline takes the miners to the safe level.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PowerEndToEndTest {

    static final int MINERS = 100;
    static final double CAP_KW = 100;

    @TempDir
    static Path work;
    static RunningContainer container;
    static ChildProcess simulator;
    static GatewayApi api;

    @BeforeAll
    static void start() throws Exception {
        int minersBase = RunningContainer.freeRange(MINERS);
        // 100 miners x 3.5 kW + 25 kW auxiliaries = 375 kW against a 100 kW import cap: the battery
        // (250 kW at most) covers most of the excess, the miners the remaining 25 kW
        container = RunningContainer.start(work, site -> RunningContainer.genericMiners(site, MINERS, minersBase)
                .replace("importCapKw: 2200", "importCapKw: " + (int) CAP_KW)
                .replace("    capKw: 400", "    capKw: " + (int) CAP_KW) // a peak window's cap only lowers the site's
                .replace("batteryInitialSocPct: 60", "batteryInitialSocPct: 30"), minersBase);
        simulator = container.simulator;
        api = container.api;
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (container != null) {
            container.close();
        }
    }

    static double importKw() throws Exception {
        return api.point("meter-main", "active_power").get("value").asDouble();
    }

    @Test
    @Order(1)
    void overloadIsShavedByTheBatteryFirstThenByCurtailingMiners() throws Exception {
        Eventually.within(Duration.ofSeconds(20), () -> {
            JsonNode c = api.get("/api/v1/control");
            assertTrue(c.get("binding").asText().startsWith("power:"), c.get("binding").asText());
        });
        Eventually.within(Duration.ofSeconds(20), () -> assertTrue(
                api.point("battery", "m103.W").get("value").asDouble() > 50_000,
                "the battery discharges to cover the excess"));
        // the import must settle under the cap within the guard's fix time plus the miners' sleep time
        Eventually.within(Duration.ofSeconds(60), () -> {
            assertTrue(importKw() <= CAP_KW + 5, "import " + importKw() + " kW under the cap of " + CAP_KW + " kW");
            JsonNode c = api.get("/api/v1/control");
            assertTrue(c.get("minerKw").asDouble() <= MINERS * 3.5 - 20, "miners curtailed: " + c.get("minerKw"));
        });
        assertTrue(api.get("/api/v1/control/alarms").toString().contains("power.over-limit"),
                "the overload raised an alarm");
    }

    @Test
    @Order(2)
    void meterOfflineTakesTheMinersToTheSafeLevel() throws Exception {
        simulator.send("device-offline meter-main");
        Eventually.within(Duration.ofSeconds(10), () -> {
            JsonNode c = api.get("/api/v1/control");
            assertEquals(0.0, c.get("maxMinerKw").asDouble(), c.toString());
            assertTrue(c.get("binding").asText().contains("fail-safe"), c.get("binding").asText());
        });
        Eventually.within(Duration.ofSeconds(20), () -> assertEquals(0, api.get("/api/v1/control").get("minersAwake").asInt()));
        assertTrue(api.get("/api/v1/control/alarms").get("active").toString().contains("power.input-bad"));
    }
}
