package io.containeredge.simulator.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import io.containeredge.simulator.physics.ContainerModel;
import io.containeredge.site.api.SiteDocuments;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Braiins OS-style REST firmware of the mixed site's group 40..47, over real HTTP on loopback and a virtual
 * clock; its neighbours keep the CGMiner-style TCP API. One request goes through curl, a client that shares no
 * code with the simulator.
 */
class RestMinerServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int REST = 40;
    private Simulator sim;
    private ContainerModel model;

    @BeforeEach
    void setUp() throws Exception {
        sim = Simulator.start(SiteDocuments.loadBuiltIn("mixed-container"), SimulatorOptions.forTests());
        model = sim.model();
        sim.advance(Duration.ofSeconds(10));
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    private HttpResponse<String> send(int miner, String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sim.minerPort(miner) + path))
                .timeout(Duration.ofMillis(1500)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String login(int miner) throws Exception {
        HttpResponse<String> r = send(miner, "POST", "/api/v1/auth/login", null, "{\"username\":\"root\",\"password\":\"\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = JSON.readTree(r.body());
        assertEquals(BraiinsRestApi.TOKEN_LIFETIME_S, answer.get("timeout_s").asInt());
        return answer.get("token").asText();
    }

    private JsonNode get(int miner, String token, String path) throws Exception {
        HttpResponse<String> r = send(miner, "GET", path, token, null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void aHashingMinerReportsItsCurveHashratePowerAndTarget() throws Exception {
        String token = login(REST);
        JsonNode details = get(REST, token, "/api/v1/miner/details");
        assertEquals(2, details.get("status").asInt());
        assertEquals("not paused", details.at("/detailed_status/pause_reason").asText());
        JsonNode stats = get(REST, token, "/api/v1/miner/stats");
        double ghs = stats.at("/miner_stats/real_hashrate/last_5s/gigahash_per_second").asDouble();
        assertEquals(model.miner(REST).unit().hashrateThAt(3500) * 1000, ghs, 1, "the unit's curve at its power");
        assertEquals(200_000, ghs, 200_000 * 0.06, "an S21-class unit within its spread");
        assertEquals(3500, stats.at("/power_stats/approximated_consumption/watt").asInt());
        assertEquals(3500, get(REST, token, "/api/v1/performance/power-target").get("watt").asInt());
        assertTrue(get(REST, token, "/api/v1/cooling/state").at("/highest_temperature/temperature/degree_c")
                .asDouble() > model.miner(REST).inletC());
    }

    @Test
    void pauseAndResumeTakeTheModelsTimesAndSayWhy() throws Exception {
        String token = login(REST);
        assertEquals("false", send(REST, "PUT", "/api/v1/actions/pause", token, null).body(), "was not paused");
        JsonNode details = get(REST, token, "/api/v1/miner/details");
        assertEquals(3, details.get("status").asInt());
        assertEquals("paused by API", details.at("/detailed_status/pause_reason").asText());
        assertEquals("going-to-sleep", details.at("/detailed_status/state").asText());
        sim.advance(Duration.ofSeconds(5));
        assertEquals(Miner.SLEEP_POWER_W, get(REST, token, "/api/v1/miner/stats")
                .at("/power_stats/approximated_consumption/watt").asDouble());
        assertEquals("true", send(REST, "PUT", "/api/v1/actions/pause", token, null).body(), "already paused");
        assertEquals("false", send(REST, "PUT", "/api/v1/actions/resume", token, null).body());
        sim.advance(Duration.ofSeconds(46));
        assertEquals(Miner.State.HASHING, model.miner(REST).state(), "the S21-class wake time is 45 s");
        assertEquals("true", send(REST, "PUT", "/api/v1/actions/resume", token, null).body(), "already mining");
    }

    @Test
    void aPowerTargetInRangeIsFollowedAndOneOutOfRangeIsRefusedWithTheRange() throws Exception {
        String token = login(REST);
        HttpResponse<String> refused = send(REST, "PUT", "/api/v1/performance/power-target", token, "{\"watt\": 500}");
        assertEquals(400, refused.statusCode());
        assertEquals("power target 500 W out of range 1050..3850 W", JSON.readTree(refused.body()).get("message").asText());
        HttpResponse<String> set = send(REST, "PUT", "/api/v1/performance/power-target", token, "{\"watt\": 2450}");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(2450, JSON.readTree(set.body()).get("watt").asInt());
        sim.advance(Duration.ofSeconds(3));
        assertEquals(2450, get(REST, token, "/api/v1/miner/stats").at("/power_stats/approximated_consumption/watt").asInt());
        assertEquals(400, send(REST, "PUT", "/api/v1/performance/power-target", token, "{\"watts\": 2000}").statusCode());
    }

    @Test
    void onlyItsOwnTokenOpensAMiner() throws Exception {
        assertEquals(401, send(REST, "GET", "/api/v1/miner/details", null, null).statusCode());
        assertEquals(401, send(REST, "POST", "/api/v1/auth/login", null, "{\"username\":\"root\",\"password\":\"x\"}")
                .statusCode());
        String token = login(REST);
        assertEquals(401, send(REST + 1, "GET", "/api/v1/miner/details", token, null).statusCode());
        assertEquals(404, send(REST, "GET", "/api/v1/nothing", token, null).statusCode());
        assertEquals(405, send(REST, "DELETE", "/api/v1/actions/pause", token, null).statusCode());
    }

    @Test
    void theNeighboursSpeakTheCgminerApiAndDescribeSaysWhichIsWhich() throws Exception {
        String summary = MinerApiTest.askRaw(sim.minerPort(REST - 1), "summary", 3000, false);
        assertTrue(summary.contains("\"SUMMARY\""), summary);
        List<String> lines = sim.describe();
        // ephemeral ports: the first and the last miner's, by index
        assertTrue(lines.contains("miners 232 on 127.0.0.1:" + sim.minerPort(0) + ".." + sim.minerPort(239)
                + " (CGMiner JSON API)"), lines::toString);
        assertTrue(lines.contains("miners 8 on 127.0.0.1:" + sim.minerPort(REST) + ".." + sim.minerPort(47)
                + " (Braiins OS-style REST API)"), lines::toString);
    }

    @Test
    void unreachableAndHangingRestMiners() throws Exception {
        sim.inject("miner-unreachable 41");
        waitUntilRefused(41);
        sim.inject("miner-hang 42");
        Thread.sleep(300);
        assertThrows(HttpTimeoutException.class, () -> send(42, "GET", "/api/v1/miner/details", null, null));
        sim.inject("clear");
        Thread.sleep(500);
        login(41);
        login(42);
    }

    private void waitUntilRefused(int miner) throws Exception {
        long deadline = System.currentTimeMillis() + 3000;
        while (true) {
            try {
                send(miner, "GET", "/api/v1/miner/details", null, null);
            } catch (ConnectException e) {
                return;
            }
            assertTrue(System.currentTimeMillis() < deadline, "miner " + miner + " still answers");
            Thread.sleep(50);
        }
    }

    @Test
    void curlLogsInAndReadsTheDetails() throws Exception {
        String base = "http://127.0.0.1:" + sim.minerPort(REST);
        String token = JSON.readTree(curl("-X", "POST", "-H", "Content-Type: application/json",
                "-d", "{\"username\":\"root\",\"password\":\"\"}", base + "/api/v1/auth/login")).get("token").asText();
        JsonNode details = JSON.readTree(curl("-H", "Authorization: " + token, base + "/api/v1/miner/details"));
        assertEquals(2, details.get("status").asInt());
    }

    private static String curl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-sS", "--fail", "--max-time", "5"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "curl: " + out);
        return out;
    }
}
