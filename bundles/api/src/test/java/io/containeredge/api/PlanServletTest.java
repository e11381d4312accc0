package io.containeredge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.control.api.PlanStatus;
import io.containeredge.control.testing.RecordingControlService;
import io.containeredge.http.testing.FakeGuard;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/plan}: the controller's plan as JSON, 404 while the site has no planner. */
class PlanServletTest {

    private static final long T0 = 1_767_225_600_000L;

    private final RecordingControlService control = RecordingControlService.forSite(2200).build();
    private int status;
    private JsonNode json;

    static PlanStatus plan(String state, String reason, double socNowPct) {
        PlanStatus.Terms first = new PlanStatus.Terms(10, 2, 4, 0.5, 0.25);
        PlanStatus.Terms second = new PlanStatus.Terms(12, 0, 1, 0.5, 0.25);
        return new PlanStatus(T0 + 60_000, state, reason, T0, 84.5, "new prices",
                new PlanStatus.Terms(22, 2, 5, 1, 0.5),
                List.of(new PlanStatus.Slot(T0, 95, 30, 400, 0, 250, 62.5, 1200, 40, 590, 0, 2200, 95, first),
                        new PlanStatus.Slot(T0 + 900_000, 40, 20, 800, 120, -300, 75, 1400, 40, 0, 60, 2150, 20,
                                second)),
                new PlanStatus.Now(1200, 1180, 250, 180, "discharge limited by the battery's 180 kW", 62.5,
                        socNowPct, 590, 600, 400, 380));
    }

    private void get(String pathInfo) throws Exception {
        StatusAnswer answer = StatusAnswer.get(new PlanServlet(control, FakeGuard.ADMITS_ALL), "/api/v1/plan", pathInfo);
        status = answer.status();
        json = answer.json();
    }

    private void aCycleHasRun() {
        control.shows(StatusAnswer.aCycle());
    }

    @Test
    void thePlanIsAnsweredWithItsSlotsItsTotalsWithTheObjectiveAndTheCurrentSlot() throws Exception {
        aCycleHasRun();
        control.showsPlan(plan(PlanStatus.FOLLOWING, "plan solved 1 min ago is followed", 61));
        get(null);
        assertEquals(200, status, json.toString());
        assertEquals("FOLLOWING", json.get("state").asText());
        assertEquals(T0, json.get("solvedAtMillis").asLong());
        assertEquals(84.5, json.get("solveMillis").asDouble());
        assertEquals("new prices", json.get("trigger").asText());
        assertEquals(22, json.at("/totals/miningUsd").asDouble());
        assertEquals(22 + 2 - 5 - 1 - 0.5, json.at("/totals/objectiveUsd").asDouble(), 1e-9);
        assertEquals(2, json.get("slots").size());
        assertEquals(T0 + 900_000, json.at("/slots/1/startMillis").asLong());
        assertEquals(-300, json.at("/slots/1/batteryKw").asDouble());
        assertEquals(120, json.at("/slots/1/pvCurtailedKw").asDouble());
        assertEquals(12 - 1 - 0.5 - 0.25, json.at("/slots/1/terms/objectiveUsd").asDouble(), 1e-9);
        assertEquals(180, json.at("/now/batteryKw").asDouble());
        assertTrue(json.at("/now/batteryReason").asText().contains("180 kW"));
        assertEquals(61, json.at("/now/socPct").asDouble());
    }

    @Test
    void aReadingThatIsNotGoodIsNullAndAFallbackSaysWhy() throws Exception {
        aCycleHasRun();
        control.showsPlan(plan(PlanStatus.FALLBACK, "solver failed: infeasible at 14:15", Double.NaN));
        get("");
        assertEquals(200, status, json.toString());
        assertEquals("FALLBACK", json.get("state").asText());
        assertEquals("solver failed: infeasible at 14:15", json.get("reason").asText());
        assertTrue(json.at("/now/socPct").isNull(), "no SoC reading is null, not NaN: " + json);
    }

    @Test
    void thePlannerOffIsNotFoundWithWhy() throws Exception {
        aCycleHasRun();
        get(null);
        assertEquals(404, status);
        assertTrue(json.get("error").asText().contains("the site has no planner section"), json.toString());
    }

    @Test
    void beforeTheFirstCycleItIsUnavailableAndNothingBelowItIsServed() throws Exception {
        get(null);
        assertEquals(503, status);
        aCycleHasRun();
        control.showsPlan(plan(PlanStatus.WAITING, "waiting for the first solve", 61));
        get("/slots");
        assertEquals(404, status);
    }
}
