package io.containeredge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.control.api.AiStatus;
import io.containeredge.control.testing.RecordingControlService;
import io.containeredge.http.testing.FakeGuard;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/ai}: the AI/HPC tenants as JSON, 404 while the site has no ai section. */
class AiServletTest {

    private final RecordingControlService control = RecordingControlService.forSite(2200).build();
    private int status;
    private JsonNode json;

    /** One tenant with its band capped for economics, one server capped and one that cannot be read. */
    static AiStatus ai() {
        AiStatus.Server capped = new AiStatus.Server("gpu-01", true, 5200, 10_200, 5500, "Controls", "");
        AiStatus.Server lost = new AiStatus.Server("gpu-02", false, 10_200, 10_200, Double.NaN, "",
                "no answer within 2 s");
        AiStatus.Tenant tenant = new AiStatus.Tenant("acme-ai", 10, 8, 140, 15.4, 15.7, 15.7, true,
                "band capped: miners' power worth more (150 > 140 USD/MWh)", false, 3.5, 40, 0,
                List.of(capped, lost));
        AiStatus.Tenant idle = new AiStatus.Tenant("beta-hpc", 5, 2, 200, 4.1, 7, Double.POSITIVE_INFINITY, false,
                "floor + band granted", false, 0, 20, 0, List.of());
        return new AiStatus(1_000, 19.5, 1380, List.of(tenant, idle));
    }

    private void get(String pathInfo) throws Exception {
        StatusAnswer answer = StatusAnswer.get(new AiServlet(control, FakeGuard.ADMITS_ALL), "/api/v1/ai", pathInfo);
        status = answer.status();
        json = answer.json();
    }

    @Test
    void theTenantsAreAnsweredWithTheirContractTheirGrantTheirCapAndWhy() throws Exception {
        control.shows(StatusAnswer.aCycle());
        control.showsAi(ai());
        get(null);
        assertEquals(200, status, json.toString());
        assertEquals(19.5, json.get("aiKw").asDouble());
        assertEquals(1380, json.get("miningKw").asDouble());
        JsonNode acme = json.at("/tenants/0");
        assertEquals("acme-ai", acme.get("name").asText());
        assertEquals(10, acme.get("floorKw").asDouble());
        assertEquals(8, acme.get("flexKw").asDouble());
        assertEquals(140, acme.get("flexUsdPerMwh").asDouble());
        assertEquals(15.7, acme.get("grantKw").asDouble());
        assertTrue(acme.get("capped").asBoolean());
        assertFalse(acme.get("breach").asBoolean());
        assertTrue(acme.get("reason").asText().contains("150 > 140 USD/MWh"));
        assertEquals(3.5, acme.get("cappedHoursThisMonth").asDouble());
        assertEquals("Controls", acme.at("/servers/0/control").asText());
        assertEquals(5500, acme.at("/servers/0/capW").asDouble());
        assertEquals("no answer within 2 s", acme.at("/servers/1/problem").asText());
    }

    @Test
    void noCapInForceAndACapNotKnownAreNull() throws Exception {
        control.shows(StatusAnswer.aCycle());
        control.showsAi(ai());
        get("");
        assertEquals(200, status, json.toString());
        assertTrue(json.at("/tenants/1/capKw").isNull(), "no cap is null, not Infinity: " + json);
        assertTrue(json.at("/tenants/0/servers/1/capW").isNull(), "no cap known is null, not NaN: " + json);
    }

    @Test
    void aSiteWithoutAnAiSectionIsNotFoundWithWhy() throws Exception {
        control.shows(StatusAnswer.aCycle());
        get(null);
        assertEquals(404, status);
        assertTrue(json.get("error").asText().contains("the site has no ai section"), json.toString());
    }

    @Test
    void beforeTheFirstCycleItIsUnavailableAndNothingBelowItIsServed() throws Exception {
        control.showsAi(ai());
        get(null);
        assertEquals(503, status);
        control.shows(StatusAnswer.aCycle());
        get("/tenants");
        assertEquals(404, status);
    }
}
