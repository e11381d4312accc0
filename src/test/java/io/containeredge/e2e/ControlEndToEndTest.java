package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
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
 * The control loop in the assembled gateway against the simulated container and its miners, both as
 * processes: a pump stop puts every miner to sleep, the trip stays latched, a reset brings them back;
 * the trip holds across what restarts the control loop ({@code kill -9}, a configuration apply).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlEndToEndTest {

    static final int MINERS = 60;
    /** How long the miners are watched after a restart of the control loop. */
    static final Duration WATCH = Duration.ofSeconds(15);

    @TempDir
    static Path work;
    static RunningContainer container;
    static ChildProcess simulator;
    static GatewayApi api;

    @BeforeAll
    static void start() throws Exception {
        int minersBase = RunningContainer.freeRange(MINERS);
        // a dwell of 5 s instead of 30 s after a sleep: each of the three resets below wakes the miners 25 s sooner
        container = RunningContainer.start(work, site -> RunningContainer.genericMiners(site, MINERS, minersBase)
                + "control:\n  minDwell: 5s\n", minersBase);
        simulator = container.simulator;
        api = container.api;
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (container != null) {
            container.close();
        }
    }

    static JsonNode control() throws Exception {
        return api.get("/api/v1/control");
    }

    @Test
    @Order(1)
    void allMinersRunWhileTheContainerIsHealthy() throws Exception {
        Eventually.within(Duration.ofSeconds(40), () -> {
            JsonNode c = control();
            assertEquals("NORMAL", c.get("thermalStage").asText(), c.toString());
            assertEquals(MINERS, c.get("minersAwake").asInt(), c.toString());
        });
        JsonNode c = control();
        assertTrue(c.get("maxMinerKw").asDouble() >= MINERS * 3.5, "no curtailment while healthy: " + c);
    }

    @Test
    @Order(2)
    void pumpStopPutsEveryMinerToSleepAndTheTripStaysLatched() throws Exception {
        simulator.send("pump-stop");
        Eventually.within(Duration.ofSeconds(5), () -> {
            JsonNode c = control();
            assertEquals("TRIPPED", c.get("thermalStage").asText(), c.toString());
            assertTrue(c.get("binding").asText().contains("pump stopped"), c.toString());
        });
        // sleep takes ~3 s in the simulated firmware; the gateway sees it at its next miner poll (2 s)
        Eventually.within(Duration.ofSeconds(15), () -> assertEquals(0, control().get("minersAwake").asInt()));
        Eventually.within(Duration.ofSeconds(10), () -> assertTrue(control().get("minerKw").asDouble() < 10,
                "the miners draw their sleep power only: " + control().get("minerKw")));

        JsonNode commands = api.get("/api/v1/control/commands").get("commands");
        assertTrue(commands.size() >= MINERS, "every sleep command's outcome is recorded: " + commands.size());
        assertTrue(commands.toString().contains("\"kind\":\"SLEEP\""), commands.toString());

        simulator.send("clear");
        Eventually.within(Duration.ofSeconds(5), () ->
                assertEquals("running", api.point("cdu", "pump_state").get("value").asText()));
        Thread.sleep(2000);
        assertEquals("TRIPPED", control().get("thermalStage").asText(), "the trip is latched");
        assertEquals(0, control().get("minersAwake").asInt());
    }

    @Test
    @Order(3)
    void resetAfterTheCauseIsGoneBringsTheMinersBackStaggered() throws Exception {
        // a reset is refused while its cause is present: wait until the restarted pump has its flow back
        Eventually.within(Duration.ofSeconds(30), () ->
                assertTrue(api.point("cdu", "flow").get("value").asDouble() > 60, "flow back above the minimum"));
        assertEquals(202, api.request("POST", "/api/v1/control/reset").statusCode());
        Eventually.within(Duration.ofSeconds(5), () -> assertEquals("NORMAL", control().get("thermalStage").asText()));
        // the allocator waits the dwell time (5 s on this site) after a sleep before it wakes a miner again; load
        // comes back at the 50 kW/s wake ramp: 60 miners x 3.5 kW = 210 kW in ~4 s, plus 8 s waking
        Eventually.within(Duration.ofSeconds(120), () -> assertEquals(MINERS, control().get("minersAwake").asInt()));
    }

    @Test
    @Order(4)
    void unknownControlPathsAndMethodsAreRefused() throws Exception {
        assertEquals(404, api.request("POST", "/api/v1/control/launch").statusCode());
        assertEquals(404, api.request("GET", "/api/v1/control/nothing").statusCode());
    }

    @Test
    @Order(5)
    void importCapCommandIsValidatedThenApplied() throws Exception {
        assertEquals(422, api.importCap("{\"kw\":-5,\"minutes\":10}").statusCode());
        assertEquals(422, api.importCap("{\"kw\":5000,\"minutes\":10}").statusCode(), "never above the site's cap");
        assertEquals(400, api.importCap("{\"kw\":\"abc\"}").statusCode());
        assertEquals(200, api.importCap("{\"kw\":150,\"minutes\":10}").statusCode());
        Eventually.within(Duration.ofSeconds(5), () -> assertTrue(
                control().get("binding").asText().contains("import cap override 150 kW"), control().toString()));
    }

    @Test
    @Order(6)
    void aTripSurvivesKillMinus9AndARestartOnTheSameData() throws Exception {
        // the import cap override set above ends, so every miner runs before the trip
        HttpResponse<String> lift = api.liftImportCap();
        assertEquals(200, lift.statusCode(), lift.body());
        assertTrue(lift.body().contains("\"lifted\":true"), lift.body());
        tripAndClearTheCause();
        container.gateway().kill();
        container.startGateway();
        staysTrippedWithEveryMinerAsleep();
        resetWakesTheMiners();
    }

    @Test
    @Order(7)
    void aTripSurvivesAConfigurationApply() throws Exception {
        tripAndClearTheCause();
        GatewayApi admin = api.asAdmin();
        JsonNode documents = admin.get("/api/v1/config").get("documents");
        ObjectNode body = ((ObjectNode) documents.deepCopy()).put("site",
                documents.get("site").asText() + "\n# applied while tripped\n");
        long startsBefore = controlStarts();
        HttpResponse<String> applied = admin.post("/api/v1/config/apply", body);
        assertEquals(200, applied.statusCode(), applied.body());
        Eventually.within(Duration.ofSeconds(30), () -> assertTrue(controlStarts() > startsBefore,
                "the control loop restarted"));
        staysTrippedWithEveryMinerAsleep();
        resetWakesTheMiners();
    }

    /** Pump stop, every miner asleep, then the pump back with its flow: the trip stays, its cause is gone. */
    static void tripAndClearTheCause() throws Exception {
        Eventually.within(Duration.ofSeconds(120), () -> {
            JsonNode c = control();
            assertEquals("NORMAL", c.get("thermalStage").asText(), c.toString());
            assertEquals(MINERS, c.get("minersAwake").asInt(), c.toString());
        });
        simulator.send("pump-stop");
        Eventually.within(Duration.ofSeconds(5), () -> assertEquals("TRIPPED", control().get("thermalStage").asText()));
        Eventually.within(Duration.ofSeconds(15), () -> assertEquals(0, control().get("minersAwake").asInt()));
        simulator.send("clear");
        Eventually.within(Duration.ofSeconds(30), () ->
                assertTrue(api.point("cdu", "flow").get("value").asDouble() > 60, "flow back above the minimum"));
    }

    /** After a restart of the control loop the trip holds and no miner wakes for {@link #WATCH}. */
    static void staysTrippedWithEveryMinerAsleep() throws Exception {
        Eventually.within(Duration.ofSeconds(30), () -> assertTrue(control().get("cycles").asLong() > 0));
        long end = System.nanoTime() + WATCH.toNanos();
        while (System.nanoTime() < end) {
            JsonNode c = control();
            assertEquals("TRIPPED", c.get("thermalStage").asText(), c.toString());
            assertEquals(0, c.get("minersAwake").asInt(), c.toString());
            Thread.sleep(1000);
        }
        assertTrue(control().get("binding").asText().contains("pump stopped"), control().toString());
    }

    /** A local reset through the API (the cause is gone) wakes every miner. */
    static void resetWakesTheMiners() throws Exception {
        assertEquals(202, api.request("POST", "/api/v1/control/reset").statusCode());
        Eventually.within(Duration.ofSeconds(5), () -> assertEquals("NORMAL", control().get("thermalStage").asText()));
        Eventually.within(Duration.ofSeconds(120), () -> assertEquals(MINERS, control().get("minersAwake").asInt()));
    }

    /** How often the running gateway has started its control loop. */
    static long controlStarts() throws Exception {
        return container.gateway().output().lines().filter(l -> l.contains("control running")).count();
    }
}
