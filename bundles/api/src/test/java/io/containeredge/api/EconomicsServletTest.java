package io.containeredge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.control.api.EconomicsStatus;
import io.containeredge.control.testing.RecordingControlService;
import io.containeredge.http.testing.FakeGuard;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/economics}: the controller's economics status as JSON, 404 while economics is off. */
class EconomicsServletTest {

    private final RecordingControlService control = RecordingControlService.forSite(2200).economics().build();
    private int status;
    private JsonNode json;

    static EconomicsStatus economics(double limitKw) {
        return new EconomicsStatus(1_000, new EconomicsStatus.Price(45, "TARIFF", "tariff base",
                "live prices ended at 08:15"), List.of(new EconomicsStatus.PriceAhead(1_000, 901_000, 45, "TARIFF")),
                new EconomicsStatus.HashpriceNow(0.05, 0.02, 0.049, "RECEIVED", 500, 3, 86_400, true),
                List.of(new EconomicsStatus.ModelEconomics("S19j Pro-class", 69.2, 40, 40, 0)),
                new EconomicsStatus.Profit(12.5, 200, 0, "reported by 200 miners", 48.25, 0), limitKw,
                "price 112 USD/MWh > breakeven 69 USD/MWh for S19j Pro-class units: 40 units asleep",
                new EconomicsStatus.PriceFile("/data/prices.json", 900, 96, null));
    }

    private void get(String pathInfo) throws Exception {
        StatusAnswer answer = StatusAnswer.get(new EconomicsServlet(control, FakeGuard.ADMITS_ALL),
                "/api/v1/economics", pathInfo);
        status = answer.status();
        json = answer.json();
    }

    private void aCycleHasRun() {
        control.shows(StatusAnswer.aCycle());
    }

    @Test
    void theStatusIsAnsweredWithItsNumbersItsFallbacksAndNoLimitAsNull() throws Exception {
        aCycleHasRun();
        control.showsEconomics(economics(Double.POSITIVE_INFINITY));
        get(null);
        assertEquals(200, status, json.toString());
        assertEquals(45, json.at("/priceNow/usdPerMwh").asDouble());
        assertEquals("TARIFF", json.at("/priceNow/source").asText());
        assertEquals("live prices ended at 08:15", json.at("/priceNow/fallback").asText());
        assertEquals(901_000, json.at("/ahead/0/endMillis").asLong());
        assertTrue(json.at("/hashprice/stale").asBoolean());
        assertEquals(0.02, json.at("/hashprice/poolFee").asDouble());
        assertEquals(69.2, json.at("/models/0/breakevenUsdPerMwh").asDouble());
        assertEquals(40, json.at("/models/0/asleep").asInt());
        assertEquals(12.5, json.at("/profit/usdPerHour").asDouble());
        assertEquals(48.25, json.at("/profit/usdToday").asDouble());
        assertTrue(json.get("limitKw").isNull(), "no economic limit is null, not Infinity: " + json);
        assertTrue(json.get("reason").asText().contains("40 units asleep"));
        assertEquals(96, json.at("/priceFile/slots").asInt());

        control.showsEconomics(economics(640));
        get("");
        assertEquals(640, json.get("limitKw").asDouble());
    }

    @Test
    void economicsOffIsNotFoundWithWhy() throws Exception {
        aCycleHasRun();
        get(null);
        assertEquals(404, status);
        assertTrue(json.get("error").asText().contains("the site has no economics section"), json.toString());
    }

    @Test
    void beforeTheFirstCycleItIsUnavailableAndNothingBelowItIsServed() throws Exception {
        get(null);
        assertEquals(503, status);
        aCycleHasRun();
        control.showsEconomics(economics(640));
        get("/other");
        assertEquals(404, status);
    }
}
