package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled gateway against the simulator's 20 GPU servers of the demo's AI tenant, each behind its own Redfish
 * BMC over HTTPS (session login, the simulator's CA trusted): read, capped at the contract's top through both
 * dialects, and a BMC that answers 503 alarmed and counted at its rating until it answers again.
 */
class AiEndToEndTest {

    @TempDir
    static Path work;
    static RunningContainer container;

    @BeforeAll
    static void start() throws Exception {
        container = RunningContainer.start(work, site -> site, 0);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (container != null) {
            container.close();
        }
    }

    private static JsonNode tenant() throws Exception {
        JsonNode ai = container.api.get("/api/v1/ai");
        assertEquals(1, ai.get("tenants").size(), ai.toString());
        return ai.get("tenants").get(0);
    }

    private static JsonNode server(JsonNode tenant, String id) {
        for (JsonNode s : tenant.get("servers")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no server " + id + " in " + tenant);
    }

    @Test
    void theGatewayReadsAndCapsTheGpuServersOverRedfishAndCountsADeadBmcAtItsRating() throws Exception {
        Eventually.within(Duration.ofSeconds(90), () -> {
            JsonNode t = tenant();
            assertEquals("aurora-ai", t.get("name").asText());
            assertEquals(20, t.get("servers").size());
            Set<String> controls = new HashSet<>();
            for (JsonNode s : t.get("servers")) {
                assertTrue(s.get("reachable").asBoolean(), "read over Redfish: " + s);
                // the contract's top, 200 kW, shared by rating: 10 kW each, read back from the BMC
                assertEquals(10_000, s.get("capW").asDouble(), 50, "capped at the contract's top: " + s);
                controls.add(s.get("control").asText());
            }
            assertEquals(Set.of("Controls", "PowerControl"), controls, "both Redfish dialects discovered");
            assertEquals(200, t.get("capKw").asDouble(), 1);
            assertTrue(t.get("drawKw").asDouble() > 20, "the servers draw: " + t);
        });
        container.simulator.send("bmc-503 gpu-03");
        Eventually.within(Duration.ofSeconds(20), () -> {
            JsonNode s = server(tenant(), "gpu-03");
            assertFalse(s.get("reachable").asBoolean(), s.toString());
            assertTrue(s.get("problem").asText().contains("503"), s.toString());
            assertEquals(10_200, s.get("drawW").asDouble(), 1e-6, "counted at its rating");
            assertTrue(container.api.get("/api/v1/control/alarms").get("active").toString()
                    .contains("ai.bmc-unreachable.gpu-03"), "alarmed");
        });
        container.simulator.send("clear");
        Eventually.within(Duration.ofSeconds(20), () -> {
            assertTrue(server(tenant(), "gpu-03").get("reachable").asBoolean());
            assertFalse(container.api.get("/api/v1/control/alarms").get("active").toString()
                    .contains("ai.bmc-unreachable.gpu-03"), "the alarm clears");
        });
    }
}
