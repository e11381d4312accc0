package io.containeredge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.api.FleetEfficiency;
import io.containeredge.control.api.MinerEfficiency;
import io.containeredge.control.testing.RecordingControlService;
import io.containeredge.http.testing.FakeGuard;
import io.containeredge.http.testing.FakeRequest;
import io.containeredge.http.testing.FakeResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/economics/efficiency}: the fleet's J/TH, each miner's, the underperformers in their order. */
class EfficiencyServletTest {

    private final RecordingControlService control = RecordingControlService.forSite(2200).build();

    private static MinerEfficiency miner(int index, double ths, Long since, boolean under, double lost) {
        return new MinerEfficiency(index, "S21", true, 3500, ths, 3500 / ths, 200, (200 - ths) / 2, 480, 2, since,
                under, under ? "below its curve" : null, lost, "cgminer", null);
    }

    private JsonNode get(String pathInfo, int expectedStatus) throws Exception {
        FakeRequest req = new FakeRequest("GET", "/api/v1/economics/efficiency", pathInfo).remoteUser("alice")
                .from("127.0.0.1");
        FakeResponse resp = new FakeResponse();
        new EfficiencyServlet(control, FakeGuard.ADMITS_ALL).service(req, resp);
        assertEquals(expectedStatus, resp.getStatus(), resp.body());
        return new ObjectMapper().readTree(resp.body());
    }

    @Test
    void theFleetEachMinerAndTheUnderperformersRankedByLostRevenue() throws Exception {
        MinerEfficiency fine = miner(0, 201, null, false, 0);
        MinerEfficiency dead = miner(1, 134, 1_000L, true, 3.3);
        MinerEfficiency slow = miner(2, 170, 2_000L, true, 1.5);
        MinerEfficiency asleep = new MinerEfficiency(3, "S21", false, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, 0, 0, null, false, null, 0, "braiins-rest", "paused by API");
        control.showsEfficiency(new FleetEfficiency(5_000, 10500 / 505.0, 505, 10500, 0.05,
                List.of(fine, dead, slow, asleep), List.of(dead, slow)));
        JsonNode json = get(null, 200);
        assertEquals(10500 / 505.0, json.get("joulesPerTh").asDouble(), 1e-9);
        assertEquals(505, json.get("hashrateThs").asDouble());
        assertEquals(0.05, json.get("netHashpriceUsdPerThDay").asDouble());
        assertEquals(4, json.get("miners").size());
        JsonNode under = json.get("underperformers");
        assertEquals(List.of(1, 2), List.of(under.get(0).get("index").asInt(), under.get(1).get("index").asInt()));
        assertEquals(3.3, under.get(0).get("lostUsdPerDay").asDouble());
        assertEquals(33.0, under.get(0).get("deficitPct").asDouble());
        assertEquals(1000, under.get(0).get("underperformingSinceMillis").asLong());
        assertEquals("below its curve", under.get(0).get("why").asText());
        JsonNode sleeping = json.get("miners").get(3);
        assertTrue(sleeping.get("joulesPerTh").isNull(), "no J/TH while asleep: " + sleeping);
        assertTrue(sleeping.get("underperformingSinceMillis").isNull());
        assertEquals("braiins-rest", sleeping.get("dialect").asText());
        assertEquals("paused by API", sleeping.get("pauseReason").asText(), "the firmware's own words");
        assertEquals("cgminer", json.get("miners").get(0).get("dialect").asText());
        assertTrue(json.get("miners").get(0).get("pauseReason").isNull(), "its dialect reads none: " + json);
    }

    @Test
    void beforeTheFirstCycleItIsEmptyWithNullsForWhatIsNotKnown() throws Exception {
        JsonNode json = get(null, 200);
        assertTrue(json.get("joulesPerTh").isNull());
        assertEquals(0, json.get("miners").size());
        assertTrue(json.get("netHashpriceUsdPerThDay").isNull());
    }

    @Test
    void thereIsNothingBelowIt() throws Exception {
        get("/miners", 404);
    }
}
