package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A battery inverter that accepts every setpoint and delivers nothing (the simulator's {@code battery-stuck})
 * in the assembled gateway: an import cap 300 kW under the load must still be met, by the miners, within
 * the power guard's cap fix time, and the battery's failure to follow is alarmed.
 */
class BatteryStuckEndToEndTest {

    static final int MINERS = 100;
    /** The power guard commands the overrun away within 25 s; the simulated miners sleep within 5 s of that. */
    static final Duration CAP_FIX_AND_SLEEP = Duration.ofSeconds(30);
    /** The meter's poll and the control cycle after it. */
    static final Duration OBSERVATION = Duration.ofSeconds(2);

    @TempDir
    static Path work;
    static RunningContainer container;

    @BeforeAll
    static void start() throws Exception {
        // 100 miners x 3.5 kW + 25 kW auxiliaries import 375 kW, far under the site's 2200 kW cap
        container = RunningContainer.withMiners(work, MINERS);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (container != null) {
            container.close();
        }
    }

    /** What the main meter reads, kW. */
    static double meteredKw() throws Exception {
        return container.api.point("meter-main", "active_power").get("value").asDouble();
    }

    @Test
    void aStuckBatteryUnderAnImportCap300KwBelowTheLoadIsAlarmedAndTheMinersBringTheImportUnderTheCapInTime()
            throws Exception {
        GatewayApi api = container.api;
        // the miners slept through the start-up (readings not yet good) and wake after their dwell time
        Eventually.within(Duration.ofSeconds(120), () -> {
            assertEquals(MINERS, api.get("/api/v1/control").get("minersAwake").asInt());
            assertTrue(meteredKw() > 350, "load " + meteredKw() + " kW");
        });
        container.simulator.send("battery-stuck");
        long cap = Math.round(meteredKw()) - 300;
        long t0 = System.nanoTime();
        assertEquals(200, api.importCap("{\"kw\":" + cap + ",\"minutes\":10}").statusCode());

        Eventually.within(Duration.ofSeconds(15), () -> {
            JsonNode c = api.get("/api/v1/control");
            assertTrue(c.get("batterySetpointKw").asDouble() > 100, "the battery is told to discharge: " + c);
            assertEquals(0, api.point("battery", "m103.W").get("value").asDouble(), 1e-6, "and delivers nothing");
        });
        Eventually.within(CAP_FIX_AND_SLEEP.plus(OBSERVATION).minusNanos(System.nanoTime() - t0), () -> assertTrue(
                meteredKw() <= cap, "import " + meteredKw() + " kW over the cap of " + cap + " kW"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(api.get("/api/v1/control/alarms").get("active").toString().contains("power.battery-not-following"),
                "the battery's failure to follow is alarmed");
        for (int i = 0; i < 5; i++) {
            Thread.sleep(1000);
            assertTrue(meteredKw() <= cap, "import " + meteredKw() + " kW back over the cap of " + cap + " kW");
        }
        System.out.printf("import under the %d kW cap %.1f s after it was set, with the battery stuck%n", cap, seconds);
    }
}
