package io.containeredge.cloud.remote;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Demand-response events for operators and aggregators without OpenADR ({@value #SCHEDULE}, {@value #CANCEL}) and the
 * coincident-peak alert ({@value #PEAK_ALERT}). Their params are read strictly like a feed's ({@link SlotParams}):
 * an aggregator's program sends them. Whether an event may be scheduled (lengths, lead time, a target within the
 * site's import cap) is the controller's one check for every sender, and its reason is the refusal's.
 *
 * <p>The event's id is the sender's id in the {@value #ID_PREFIX} namespace ({@code dr-7} becomes {@code mqtt:dr-7}),
 * so that a signed request can neither replace nor cancel an OpenADR event; its source is the request's
 * ({@code mqtt:<key>/<request id>}).
 */
final class EventActions {

    static final String SCHEDULE = "event.schedule";
    static final String CANCEL = "event.cancel";
    static final String PEAK_ALERT = "peak.alert";
    static final String ID_PREFIX = "mqtt:";
    private static final Set<String> SCHEDULE_FIELDS = Set.of("id", "name", "start", "rampMinutes",
            "durationMinutes", "importLimitKw", "reductionKw");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LongSupplier clock;

    EventActions(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * {@code {id, name (optional: the id), start (epoch ms or ISO-8601), rampMinutes (optional: 0), durationMinutes,
     * importLimitKw | reductionKw}}; result: the event's id, state and opt-out (empty when it can be met).
     */
    Outcome schedule(RemoteRequest r, Params p, ControlService c) throws Refusal {
        SlotParams.onlyFields(r, r.params(), "params", SCHEDULE_FIELDS);
        if (p.has("importLimitKw") == p.has("reductionKw")) {
            throw new Refusal(r.id(), "give params.importLimitKw or params.reductionKw (kW), one of them");
        }
        String id = eventId(p);
        long start = SlotParams.time(r, p.node("start"), "params.start");
        long end = start + millis(p.number("durationMinutes"));
        EventTarget target = p.has("importLimitKw")
                ? new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, p.number("importLimitKw"))
                : new EventTarget(EventTarget.Kind.REDUCTION_KW, p.number("reductionKw"));
        Duration ramp = Duration.ofMillis(p.has("rampMinutes") ? millis(p.number("rampMinutes")) : 0);
        GridEvent event = new GridEvent(id, r.source(), p.has("name") ? p.text("name") : id, clock.getAsLong(), ramp,
                List.of(new EventInterval(start, end, target)));
        GridEventStatus held = c.scheduleEvent(event);
        return Outcome.accepted(NODES.objectNode().put("id", id).put("state", held.state().name())
                .put("start", start).put("end", end).put("optOut", held.optOut()));
    }

    /** {@code {id}}: an upcoming event is dropped, an active one ends now; refused when there is no such event. */
    static Outcome cancel(RemoteRequest r, Params p, ControlService c) throws Refusal {
        SlotParams.onlyFields(r, r.params(), "params", Set.of("id"));
        String id = eventId(p);
        if (!c.cancelEvent(id, r.source())) {
            throw new Refusal(r.id(), "no upcoming or active event " + id);
        }
        return Outcome.accepted(Outcome.result("id", NODES.textNode(id)));
    }

    /** {@code {on, minutes (when on)}}; result: the alert and when it ends (0 when off). */
    Outcome peakAlert(RemoteRequest r, Params p, ControlService c) throws Refusal {
        SlotParams.onlyFields(r, r.params(), "params", Set.of("on", "minutes"));
        boolean on = p.flag("on");
        long until = on ? clock.getAsLong() + millis(p.number("minutes")) : 0;
        c.setPeakAlert(on, until, r.source());
        ObjectNode result = NODES.objectNode().put("alert", on).put("until", until);
        return Outcome.accepted(result);
    }

    /** The sender's id in the signed requests' namespace; one already in it is taken as it is. */
    private static String eventId(Params p) throws Refusal {
        String id = p.text("id");
        return id.startsWith(ID_PREFIX) ? id : ID_PREFIX + id;
    }

    private static long millis(double minutes) {
        return Math.round(minutes * 60_000);
    }
}
