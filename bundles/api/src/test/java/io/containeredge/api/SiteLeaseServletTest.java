package io.containeredge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.testing.RecordingControlService;
import io.containeredge.http.testing.FakeGuard;
import io.containeredge.http.testing.FakeRequest;
import io.containeredge.http.testing.FakeResponse;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteLeaseSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/site-lease}: the lease as the controller holds it, or 404 on a site without siteLease. */
class SiteLeaseServletTest {

    private static final long T0 = 1_800_000_000_000L;
    private static final SiteLeaseSettings SETTINGS = new SiteLeaseSettings(400, Duration.ofSeconds(2),
            Duration.ofSeconds(10), Duration.ofSeconds(5));

    private static FakeResponse get(RecordingControlService control, String pathInfo) throws Exception {
        FakeResponse resp = new FakeResponse();
        new SiteLeaseServlet(control, FakeGuard.ADMITS_ALL).service(new FakeRequest("GET", "/api/v1/site-lease",
                pathInfo).remoteUser("alice").from("127.0.0.1"), resp);
        return resp;
    }

    @Test
    void theLeaseInForce() throws Exception {
        RecordingControlService control = RecordingControlService.forSite(2200).siteLease("demo-site", "c-01",
                SETTINGS).clock(() -> T0 + 1_000).build();
        control.acceptLease(new SiteLease("demo-site", "c-01", 7, 42, 812.5, 600, T0, T0 + 30_000), "mqtt:coord");
        FakeResponse resp = get(control, null);
        assertEquals(200, resp.getStatus(), resp.body());
        JsonNode json = new ObjectMapper().readTree(resp.body());
        assertEquals("LEASED", json.get("state").asText());
        assertEquals(812.5, json.get("budgetKw").asDouble());
        assertEquals(400, json.get("fallbackKw").asDouble());
        assertEquals(812.5, json.get("limitKw").asDouble());
        assertEquals(7, json.get("epoch").asLong());
        assertEquals(42, json.get("seq").asLong());
        assertEquals(T0 + 30_000, json.get("expiresAtMillis").asLong());
        assertFalse(json.get("binding").asBoolean());
        assertTrue(json.get("reason").asText().contains("lease 7/42 from mqtt:coord"), json.toString());
        assertTrue(json.get("lastRefusal").isNull());
    }

    @Test
    void beforeAnyLeaseTheBudgetIsNull() throws Exception {
        RecordingControlService control = RecordingControlService.forSite(2200).siteLease("demo-site", "c-01",
                SETTINGS).build();
        JsonNode json = new ObjectMapper().readTree(get(control, null).body());
        assertEquals("NONE", json.get("state").asText());
        assertTrue(json.get("budgetKw").isNull(), json.toString());
        assertEquals(400, json.get("limitKw").asDouble());
    }

    @Test
    void aSiteWithoutSiteLeaseAnswers404SayingSo() throws Exception {
        FakeResponse resp = get(RecordingControlService.forSite(2200).build(), null);
        assertEquals(404, resp.getStatus());
        assertTrue(resp.body().contains("no siteLease section"), resp.body());
        assertEquals(404, get(RecordingControlService.forSite(2200).build(), "/x").getStatus());
    }
}
