package io.containeredge.cloud.internal;

import static io.containeredge.cloud.internal.AiDevicesTest.status;
import static io.containeredge.cloud.internal.AiDevicesTest.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.control.api.AiStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code ai-decision} record: why a tenant is capped, when that changes, not every cycle. */
class AiDecisionFeedTest {

    private final FailingQueue queue = new FailingQueue();
    private final RecordQueue records = new RecordQueue(queue);
    private final AiDecisionFeed feed = new AiDecisionFeed("containeredge/s/c-01/ai-decision");

    private JsonNode record(int i) throws Exception {
        return new ObjectMapper().readTree(queue.texts().get(i));
    }

    /** A tenant held under its floor by a hard limit, its grant {@code grantKw}. */
    private static AiStatus.Tenant breach(double grantKw) {
        return new AiStatus.Tenant("acme-ai", 10, 8, 140, grantKw, grantKw, grantKw, true,
                "floor cut to " + grantKw + " kW: site lease at " + (1500 + grantKw) + " kW", true, 3.5, 40, 1,
                List.of());
    }

    @Test
    void aCappedTenantIsARecordWithItsGrantItsCapAndWhy() throws Exception {
        feed.forward(status(tenant("acme-ai", 15.4, true)), records, 5000);
        assertEquals(1, queue.queued.size());
        assertEquals("containeredge/s/c-01/ai-decision", queue.queued.get(0).topic());
        assertEquals(MessageKind.ALARM, queue.queued.get(0).kind(), "never thinned");
        JsonNode r = record(0);
        assertEquals("acme-ai", r.get("tenant").asText());
        assertTrue(r.get("capped").asBoolean());
        assertEquals(15, r.get("grantKw").asDouble());
        assertEquals(15, r.get("capKw").asDouble());
        assertEquals("band capped: miners' power worth more (150 > 140 USD/MWh)", r.get("reason").asText());
        assertEquals(140, r.get("flexUsdPerMwh").asDouble());
        assertEquals(5000, r.get("timestamp").asLong());
    }

    @Test
    void movingFiguresMakeNoRecordAChangeOfStateOrReasonKindDoes() throws Exception {
        for (int s = 0; s < 60; s++) {
            feed.forward(status(breach(8 + s % 7 * 0.25)), records, s * 1000L);
        }
        assertEquals(1, queue.queued.size(), "one breach, however its figures move: " + queue.texts());
        assertTrue(record(0).get("breach").asBoolean());
        feed.forward(status(tenant("acme-ai", 15.4, true)), records, 61_000);
        feed.forward(status(tenant("acme-ai", 17.9, false)), records, 62_000);
        assertEquals(3, queue.queued.size(), queue.texts().toString());
        assertTrue(record(1).get("reason").asText().startsWith("band capped"));
        assertTrue(record(2).get("capKw").isNull(), "no cap in force is null: " + record(2));
        assertEquals("floor + band granted", record(2).get("reason").asText());
    }

    @Test
    void eachTenantHasItsOwnRecordsAndNoAiSectionNone() {
        feed.forward(null, records, 0);
        feed.forward(status(tenant("acme-ai", 15.4, true), tenant("beta-hpc", 4, false)), records, 1000);
        feed.forward(status(tenant("acme-ai", 15.4, true), tenant("beta-hpc", 4, true)), records, 2000);
        assertEquals(3, queue.queued.size(), queue.texts().toString());
        assertTrue(queue.texts().get(2).contains("\"tenant\":\"beta-hpc\""));
    }

    @Test
    void aRecordTheQueueRefusedIsQueuedNextTime() {
        queue.failing = true;
        feed.forward(status(tenant("acme-ai", 15.4, true)), records, 0);
        queue.failing = false;
        feed.forward(status(tenant("acme-ai", 15.4, true)), records, 1000);
        feed.forward(status(tenant("acme-ai", 15.4, true)), records, 2000);
        assertEquals(1, queue.queued.size(), "not lost to the refused append, and sent once");
    }
}
