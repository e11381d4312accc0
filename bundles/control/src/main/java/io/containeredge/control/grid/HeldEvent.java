package io.containeredge.control.grid;

import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventPerformance;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus.State;
import java.time.Duration;
import java.util.List;

/**
 * One event as the book holds it: what was received, where it stands, its baseline and ramp start once taken, the
 * opt-out said, and the tally of its seconds. Mutated under the book's lock only.
 */
final class HeldEvent {

    GridEvent event;
    State state = State.UPCOMING;
    double baselineKw = Double.NaN;
    double rampFromKw = Double.NaN;
    String optOut = "";
    /** When a cancelled event ended (wall clock); 0 otherwise. */
    long cancelledMillis;
    /** The last second recorded in its compliance log; the second before its start until then. */
    long lastSecond;
    ComplianceTally tally = new ComplianceTally();

    HeldEvent(GridEvent event) {
        this.event = event;
        this.lastSecond = Math.floorDiv(event.startMillis(), 1000) - 1;
    }

    /** When it stops counting: its end, or its cancellation. */
    long endMillis() {
        return state == State.CANCELLED ? Math.min(cancelledMillis, event.endMillis()) : event.endMillis();
    }

    boolean finished() {
        return state == State.COMPLETED || state == State.CANCELLED;
    }

    EventPerformance performance() {
        return tally.performance(event.id(), baselineKw, optOut);
    }

    /** As kept in the book's file. */
    Saved saved() {
        return new Saved(event.id(), event.source(), event.name(), event.notifiedMillis(), event.ramp().toMillis(),
                event.intervals(), state, baselineKw, rampFromKw, optOut, cancelledMillis, lastSecond);
    }

    /** The state of a saved event; its tally is rebuilt from its compliance log. */
    static HeldEvent restored(Saved s) {
        HeldEvent h = new HeldEvent(new GridEvent(s.id(), s.source(), s.name(), s.notifiedMillis(),
                Duration.ofMillis(s.rampMillis()), s.intervals()));
        h.state = s.state();
        h.baselineKw = s.baselineKw();
        h.rampFromKw = s.rampFromKw();
        h.optOut = s.optOut() == null ? "" : s.optOut();
        h.cancelledMillis = s.cancelledMillis();
        h.lastSecond = s.lastSecond();
        return h;
    }

    /** One event in the book's file. */
    record Saved(String id, String source, String name, long notifiedMillis, long rampMillis,
            List<EventInterval> intervals, State state, double baselineKw, double rampFromKw, String optOut,
            long cancelledMillis, long lastSecond) {
    }
}
