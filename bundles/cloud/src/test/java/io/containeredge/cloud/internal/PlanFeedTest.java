package io.containeredge.cloud.internal;

import static io.containeredge.cloud.internal.PlanMetricsTest.T0;
import static io.containeredge.cloud.internal.PlanMetricsTest.now;
import static io.containeredge.cloud.internal.PlanMetricsTest.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.control.api.PlanStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code plan} record: once per solved plan, not once per cycle, and never lost to a refused append. */
class PlanFeedTest {

    private final FailingQueue queue = new FailingQueue();
    private final RecordQueue records = new RecordQueue(queue);
    private final PlanFeed feed = new PlanFeed("containeredge/s/c-01/plan");

    private JsonNode record(int i) throws Exception {
        return new ObjectMapper().readTree(queue.texts().get(i));
    }

    @Test
    void aSolvedPlanIsOneRecordWhateverTheCyclesBetweenSolves() throws Exception {
        for (long s = 0; s < 600; s++) {
            feed.forward(plan(s < 300 ? T0 : T0 + 300_000, now()), records, T0 + s * 1000);
        }
        assertEquals(2, queue.queued.size(), "a record per solve, not per cycle: " + queue.texts());
        assertEquals(MessageKind.ALARM, queue.queued.get(0).kind(), "never thinned");
        assertEquals("containeredge/s/c-01/plan", queue.queued.get(0).topic());
        assertEquals(T0 + 300_000, record(1).get("solvedAtMillis").asLong());
        assertEquals(T0 + 300_000, queue.queued.get(1).createdMillis());
    }

    @Test
    void theRecordHasTheTotalsAndEachSlotsFiguresAndTermsAsRoundedColumns() throws Exception {
        feed.forward(plan(T0, now()), records, T0 + 60_000);
        JsonNode r = record(0);
        assertEquals("FOLLOWING", r.get("state").asText());
        assertEquals("new prices", r.get("trigger").asText());
        assertEquals(84.5, r.get("solveMillis").asDouble());
        assertEquals(17.25, r.at("/totals/objectiveUsd").asDouble());
        assertEquals(5.5, r.at("/totals/importUsd").asDouble());
        assertEquals(List.of(T0, T0 + 900_000), List.of(r.at("/slots/startMillis/0").asLong(),
                r.at("/slots/startMillis/1").asLong()));
        assertEquals(250.1, r.at("/slots/batteryKw/0").asDouble(), "to 0.1 kW");
        assertEquals(-300, r.at("/slots/batteryKw/1").asDouble());
        assertEquals(95.0, r.at("/slots/importUsdPerMwh/0").asDouble(), "to 0.1 USD/MWh");
        assertEquals(120, r.at("/slots/pvCurtailedKw/1").asDouble());
        assertTrue(r.at("/slots/energyValueUsdPerMwh/1").isNull(), "NaN is null: " + r);
        assertEquals(2.75, r.at("/slots/importUsd/1").asDouble());
        assertEquals(0.13, r.at("/slots/demandUsd/0").asDouble(), "to the cent: 0.125");
        assertEquals(8.63, r.at("/slots/objectiveUsd/0").asDouble(), "to the cent: 11 + 1 - 2.75 - 0.5 - 0.125");
    }

    @Test
    void nothingIsSentWithoutASolvedPlan() {
        feed.forward(null, records, T0);
        feed.forward(new PlanStatus(T0, PlanStatus.WAITING, "waiting for prices", 0, 0, "", PlanStatus.Terms.ZERO,
                List.of(), null), records, T0);
        assertEquals(0, queue.queued.size());
    }

    @Test
    void aPlanTheQueueRefusedIsQueuedNextTime() {
        queue.failing = true;
        feed.forward(plan(T0, now()), records, T0);
        queue.failing = false;
        feed.forward(plan(T0, now()), records, T0 + 1000);
        feed.forward(plan(T0, now()), records, T0 + 2000);
        assertEquals(1, queue.queued.size(), "the plan is not lost to the refused append, and sent once");
    }
}
