package io.containeredge.cloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventPerformance;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.GridEventStatus.State;
import io.containeredge.control.api.GridStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code event-performance} and {@code event-opt-out} records: one per completed event and one per opt-out reason,
 * never thinned, not sent again after a restart, and tried again while the queue refuses them.
 */
class GridEventFeedTest {

    private static final long T0 = 1_800_000_000_000L;

    @TempDir
    Path dir;
    private final FailingQueue queue = new FailingQueue();
    private final RecordQueue records = new RecordQueue(queue);

    private GridEventFeed feed() {
        return new GridEventFeed("s", "c-01", new PublishedGridRecords(dir.resolve("cloud-grid-records")));
    }

    private JsonNode record(int i) throws Exception {
        return new ObjectMapper().readTree(queue.texts().get(i));
    }

    private static GridEventStatus status(String id, State state, String optOut, EventPerformance p) {
        GridEvent e = new GridEvent(id, "mqtt:ops/r-1", "Heat wave", T0 - 600_000, Duration.ofMinutes(5),
                List.of(new EventInterval(T0, T0 + 3_600_000, new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 600))));
        return new GridEventStatus(e, state, state == State.ACTIVE ? 600 : Double.NaN, "import limit 600 kW", optOut,
                p);
    }

    private static EventPerformance performance(String id) {
        return new EventPerformance(id, 1020, 612.5, 590, 430, 125.5, 3300, 3000, 0, "");
    }

    private static GridStatus grid(GridEventStatus... events) {
        return new GridStatus(T0, Optional.empty(), Optional.empty(), List.of(events), Optional.empty());
    }

    @Test
    void aCompletedEventIsOnePerformanceRecordWithItsFigures() throws Exception {
        GridEventFeed feed = feed();
        feed.forward(grid(status("mqtt:dr-1", State.ACTIVE, "", performance("mqtt:dr-1"))), records, T0 + 1000);
        assertEquals(0, queue.queued.size(), "no record while it runs");
        for (int i = 0; i < 3; i++) {
            feed.forward(grid(status("mqtt:dr-1", State.COMPLETED, "", performance("mqtt:dr-1"))), records,
                    T0 + 3_601_000 + i);
        }
        assertEquals(1, queue.queued.size(), queue.texts().toString());
        assertEquals("containeredge/s/c-01/event-performance", queue.queued.get(0).topic());
        assertEquals(MessageKind.ALARM, queue.queued.get(0).kind(), "never thinned");
        JsonNode r = record(0);
        assertEquals("mqtt:dr-1", r.get("eventId").asText());
        assertEquals("mqtt:ops/r-1", r.get("source").asText());
        assertEquals("IMPORT_LIMIT_KW", r.at("/targets/0/kind").asText());
        assertEquals(600, r.at("/targets/0/value").asDouble());
        assertEquals(1020, r.get("baselineKw").asDouble());
        assertEquals(430, r.get("achievedReductionKw").asDouble());
        assertEquals(125.5, r.get("shortfallKwS").asDouble());
        assertEquals(3000.0 / 3300, r.get("compliantShare").asDouble(), 1e-9);
        assertEquals(T0 + 3_601_000, r.get("timestamp").asLong());
        assertEquals("COMPLETED", r.get("state").asText());
    }

    @Test
    void anEventCancelledWhileActiveIsAPerformanceRecordTooOneCancelledBeforeItStartedIsNot() throws Exception {
        GridEventFeed feed = feed();
        feed.forward(grid(status("mqtt:dr-5", State.CANCELLED, "", performance("mqtt:dr-5")),
                status("mqtt:dr-6", State.CANCELLED, "", null)), records, T0);
        assertEquals(1, queue.queued.size(), queue.texts().toString());
        assertEquals("mqtt:dr-5", record(0).get("eventId").asText());
        assertEquals("CANCELLED", record(0).get("state").asText());
    }

    @Test
    void aRestartedGatewaySendsNoRecordAgain() throws Exception {
        GridStatus done = grid(status("mqtt:dr-1", State.COMPLETED, "AI floors draw 650 kW", performance("mqtt:dr-1")));
        feed().forward(done, records, T0);
        assertEquals(2, queue.queued.size(), queue.texts().toString());
        feed().forward(done, records, T0 + 1000);
        assertEquals(2, queue.queued.size(), "after the restart: " + queue.texts());
        GridStatus another = grid(status("mqtt:dr-2", State.COMPLETED, "", performance("mqtt:dr-2")));
        feed().forward(another, records, T0 + 2000);
        assertEquals(3, queue.queued.size());
        assertEquals(List.of("event-performance mqtt:dr-2"), Files.readAllLines(dir.resolve("cloud-grid-records")),
                "only the events the controller still shows are remembered");
    }

    @Test
    void anOptOutIsARecordAtOnceAndAgainOnlyWhenItsReasonChanges() throws Exception {
        GridEventFeed feed = feed();
        feed.forward(grid(status("mqtt:dr-3", State.UPCOMING, "AI floors draw 650 kW", null)), records, T0);
        feed.forward(grid(status("mqtt:dr-3", State.ACTIVE, "AI floors draw 650 kW", null)), records, T0 + 1);
        assertEquals(1, queue.queued.size());
        assertEquals("containeredge/s/c-01/event-opt-out", queue.queued.get(0).topic());
        assertEquals("UPCOMING", record(0).get("state").asText());
        assertEquals("AI floors draw 650 kW", record(0).get("optOut").asText());
        feed.forward(grid(status("mqtt:dr-3", State.ACTIVE, "auxiliaries draw 700 kW", null)), records, T0 + 2);
        assertEquals(2, queue.queued.size());
    }

    @Test
    void aRecordTheQueueRefusesIsTriedAgainAndANaNBaselineIsNull() throws Exception {
        GridEventFeed feed = feed();
        EventPerformance noHistory = new EventPerformance("mqtt:dr-4", Double.NaN, 600, 590, Double.NaN, 0, 0, 0, 0,
                "");
        GridStatus done = grid(status("mqtt:dr-4", State.COMPLETED, "", noHistory));
        queue.failing = true;
        feed.forward(done, records, T0);
        queue.failing = false;
        feed.forward(done, records, T0 + 1000);
        assertEquals(1, queue.queued.size());
        assertTrue(record(0).get("baselineKw").isNull(), record(0).toString());
        assertTrue(record(0).get("compliantShare").isNull(), "no second counted: " + record(0));
    }

    @Test
    void beforeTheFirstCycleThereIsNothing() {
        feed().forward(null, records, T0);
        assertEquals(0, queue.queued.size());
    }
}
