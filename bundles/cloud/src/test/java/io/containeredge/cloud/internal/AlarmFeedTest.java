package io.containeredge.cloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.Alarm;
import io.containeredge.control.api.AlarmCondition.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmFeedTest {

    private final FailingQueue queue = new FailingQueue();
    private final RecordQueue records = new RecordQueue(queue);
    private final AlarmFeed feed = new AlarmFeed("containeredge/s/c-01/alarm");

    private static Alarm alarm(String id, long raised) {
        return new Alarm(id, Severity.CRITICAL, "cdu", id + " active", 47.5, raised, 0, 0, null);
    }

    @Test
    void anAlarmTheQueueRefusedIsQueuedOnTheNextCallNotLost() {
        queue.failing = true;
        feed.forward(List.of(alarm("thermal.trip", 1000)), records, 1000);
        feed.forward(List.of(alarm("thermal.trip", 1000)), records, 2000);
        assertEquals(0, queue.queued.size());
        assertEquals(2, records.failures(), "each refused try is counted");

        queue.failing = false;
        feed.forward(List.of(alarm("thermal.trip", 1000)), records, 3000);
        assertEquals(1, queue.queued.size(), "the raise is queued once the queue takes it");
        assertTrue(queue.texts().get(0).contains("\"event\":\"raised\"") && queue.texts().get(0).contains("thermal.trip"));

        feed.forward(List.of(alarm("thermal.trip", 1000)), records, 4000);
        assertEquals(1, queue.queued.size(), "and only once");
    }

    @Test
    void aClearTheQueueRefusedIsTriedAgainAndLaterChangesWaitBehindIt() {
        feed.forward(List.of(alarm("a", 1000)), records, 1000);
        queue.failing = true;
        feed.forward(List.of(alarm("b", 2000)), records, 2000); // a cleared, b raised: both refused
        queue.failing = false;
        feed.forward(List.of(alarm("b", 2000)), records, 3000);
        assertEquals(3, queue.queued.size(), queue.texts().toString());
        assertTrue(queue.texts().get(1).contains("\"event\":\"cleared\"") && queue.texts().get(1).contains("\"id\":\"a\""));
        assertTrue(queue.texts().get(2).contains("\"event\":\"raised\"") && queue.texts().get(2).contains("\"id\":\"b\""));
    }
}
