package io.containeredge.cloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionFeedTest {

    private static final long SUMMARY = 300_000;
    private final FailingQueue queue = new FailingQueue();
    private final RecordQueue records = new RecordQueue(queue);
    private final DecisionFeed feed = new DecisionFeed("containeredge/s/c-01/decision", SUMMARY);

    /** A power-limited container whose figures move every second, as during a ramp. */
    private static ControlStatus power(long now, double importKw, String stage) {
        double limit = 1800 - importKw / 100;
        String reason = "miners shed " + (importKw - 2200) + " kW: load " + importKw + " kW over import cap 2200 kW"
                + (now % 2 == 0 ? ", battery 40 kW" : ", rate-limited towards " + limit + " kW");
        Verdict v = new Verdict("power", limit, false, reason, List.of());
        return new ControlStatus(now, stage, limit, false, "power: " + reason, limit, limit - 3, 2200, 40, 200,
                240, 0, now / 250, 0, 3.5, List.of(v, Verdict.free("thermal")), List.of(), List.of());
    }

    @Test
    void movingFiguresMakeOneRecordPlusASummaryEveryPeriodNotOneASecond() {
        for (long s = 0; s <= 600; s++) {
            feed.forward(power(s * 1000, 2210 + s % 37, "NORMAL"), records, s * 1000);
        }
        assertEquals(3, queue.queued.size(), "first decision, then a summary at 5 and 10 min: " + queue.texts());
        assertTrue(queue.texts().get(0).contains("\"summary\":false"));
        assertTrue(queue.texts().get(1).contains("\"summary\":true"));
        assertEquals(300_000, queue.queued.get(1).createdMillis());
    }

    @Test
    void aChangeOfStageOrReasonKindIsARecordAtOnce() {
        feed.forward(power(0, 2210, "NORMAL"), records, 0);
        feed.forward(power(1000, 2215, "WARNING"), records, 1000);
        Verdict thermal = new Verdict("thermal", 0, true, "tripped (latched): supply 55.2 degC", List.of());
        feed.forward(new ControlStatus(2000, "TRIPPED", 0, true, "thermal: tripped (latched): supply 55.2 degC", 0, 0,
                2200, 0, 0, 240, 0, 8, 0, 3.5, List.of(thermal), List.of(), List.of()), records, 2000);
        assertEquals(3, queue.queued.size(), queue.texts().toString());
        assertTrue(queue.texts().get(2).contains("\"binding\":\"thermal: tripped"));
        assertTrue(queue.texts().get(2).contains("\"state\":\"tripped\""), "the state the controller derived");
    }

    @Test
    void aDecisionTheQueueRefusedIsQueuedNextTime() {
        queue.failing = true;
        feed.forward(power(0, 2210, "NORMAL"), records, 0);
        queue.failing = false;
        feed.forward(power(1000, 2211, "NORMAL"), records, 1000);
        assertEquals(1, queue.queued.size(), "the first decision is not lost to the refused append");
    }

    @Test
    void reasonKindMasksFiguresAndDropsTheDetails() {
        assertEquals("miners shed # kW: load # kW over import cap # kW",
                DecisionFeed.reasonKind("miners shed 12.5 kW: load 2210 kW over import cap 2200 kW, battery 40 kW"));
        assertEquals("power", power(0, 2210, "NORMAL").bindingGuard());
    }
}
