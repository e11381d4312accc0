package io.containeredge.api;

import io.containeredge.control.api.ComplianceSecond;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.GridStatus;
import io.containeredge.http.api.ApiGuard;
import io.containeredge.http.api.GuardedJsonServlet;
import io.containeredge.http.api.JsonBodyReader;
import io.containeredge.http.api.JsonFields;
import io.containeredge.http.api.Reply;
import io.containeredge.http.api.RequestRefused;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Demand-response events: {@code GET /api/v1/events} (upcoming, active and past, each with its performance),
 * {@code GET /api/v1/events/{id}}, {@code GET /api/v1/events/{id}/performance.csv} (its per-second compliance,
 * {@link PerformanceCsv}), {@code POST /api/v1/events} (schedule: {@code {id, name, start, rampMinutes,
 * durationMinutes, target: {importLimitKw | reductionKw}}}) and {@code DELETE /api/v1/events/{id}} (cancel).
 *
 * <p>The body's shape is checked here (400 naming the field); whether the event may be scheduled is the controller's
 * one check for every sender, and its refusal is a 422 with its reason (as the import cap's): nothing changes. An id that is not one the
 * controller accepts is refused before it is looked up, so that nothing hostile reaches a file name or a header.
 * Roles are the {@link ApiGuard}'s (reads viewer, changes technician).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/events/*")
public class EventsServlet extends GuardedJsonServlet {

    /** The controller's event ids (control.grid's EventChecks): letters, digits and . _ : @ -, at most 128. */
    private static final Pattern PATH = Pattern.compile("/([^/]+)(/performance\\.csv)?");
    private static final Set<String> FIELDS = Set.of("id", "name", "start", "rampMinutes", "durationMinutes",
            "target");
    private static final Set<String> TARGETS = Set.of("importLimitKw", "reductionKw");
    /** Only bounds the arithmetic; the controller says how long an event may be (1 minute to 24 hours). */
    private static final long MAX_MINUTES = 366L * 24 * 60;
    private static final long serialVersionUID = 1L;

    private final transient ControlService control;

    @Activate
    public EventsServlet(@Reference ControlService control, @Reference ApiGuard guard) {
        super(guard);
        this.control = control;
    }

    /** A CSV answer: written as it is, not as JSON. */
    record CsvFile(String name, String text) {
    }

    @Override
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        if (path.isEmpty() || path.equals("/")) {
            return Reply.ok(GridJson.events(grid()));
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            throw notFound("/api/v1/events" + path);
        }
        String id = id(m.group(1));
        if (m.group(2) != null) {
            List<ComplianceSecond> seconds = control.compliance(id).orElseThrow(() -> unknown(id));
            return Reply.ok(new CsvFile("event-" + id.replace(':', '_') + "-performance.csv",
                    PerformanceCsv.of(seconds)));
        }
        return Reply.ok(GridJson.event(grid().events().stream().filter(e -> e.event().id().equals(id)).findFirst()
                .orElseThrow(() -> unknown(id))));
    }

    @Override
    protected Reply post(String path, HttpServletRequest req) throws RequestRefused {
        if (!path.isEmpty() && !path.equals("/")) {
            throw new RequestRefused(404, "POST is accepted on /api/v1/events (schedule an event)");
        }
        GridEvent event = event(JsonFields.of(JsonBodyReader.ACTION.read(req), FIELDS), Callers.of(req));
        try {
            GridEventStatus held = control.scheduleEvent(event);
            return new Reply(201, GridJson.event(held));
        } catch (IllegalArgumentException e) {
            throw new RequestRefused(422, e.getMessage());
        }
    }

    /** Cancelling an event that is not upcoming or active is no error ({@code "cancelled": false}): a retry is harmless. */
    @Override
    protected Reply delete(String path, HttpServletRequest req) throws RequestRefused {
        Matcher m = PATH.matcher(path);
        if (!m.matches() || m.group(2) != null) {
            throw new RequestRefused(404, "DELETE is accepted on /api/v1/events/{id}");
        }
        String id = id(m.group(1));
        return Reply.ok(Map.of("id", id, "cancelled", control.cancelEvent(id, Callers.of(req))));
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD, POST, DELETE";
    }

    @Override
    protected void send(HttpServletResponse resp, Reply reply) throws IOException {
        if (!(reply.body() instanceof CsvFile csv)) {
            super.send(resp, reply);
            return;
        }
        byte[] bytes = csv.text().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(reply.status());
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + csv.name() + "\"");
        resp.setContentType("text/csv");
        resp.setCharacterEncoding("UTF-8");
        resp.setContentLengthLong(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private GridStatus grid() throws RequestRefused {
        return control.grid().orElseThrow(() -> new RequestRefused(503,
                "the control loop has not completed a cycle yet"));
    }

    private static String id(String id) throws RequestRefused {
        if (!GridEvent.ID.matcher(id).matches()) {
            throw RequestRefused.badRequest("an event id is 1-128 letters, digits or . _ : @ -, starting with a letter"
                    + " or digit");
        }
        return id;
    }

    private static RequestRefused unknown(String id) {
        return new RequestRefused(404, "no event '" + id + "'");
    }

    /** One interval from {@code start} for {@code durationMinutes}, its target an import limit or a reduction. */
    private static GridEvent event(JsonFields f, String source) throws RequestRefused {
        String id = f.text("id");
        String name = f.has("name") ? f.text("name") : id;
        long start = f.time("start");
        Duration ramp = f.has("rampMinutes") ? f.minutes("rampMinutes") : Duration.ZERO;
        long minutes = f.whole("durationMinutes", 0, MAX_MINUTES);
        JsonFields t = f.object("target", TARGETS);
        if (t.has("importLimitKw") == t.has("reductionKw")) {
            throw RequestRefused.badRequest("'target' is required: an object with one of importLimitKw or"
                    + " reductionKw");
        }
        EventTarget target = t.has("importLimitKw")
                ? new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, t.number("importLimitKw"))
                : new EventTarget(EventTarget.Kind.REDUCTION_KW, t.number("reductionKw"));
        return new GridEvent(id, source, name, System.currentTimeMillis(), ramp,
                List.of(new EventInterval(start, start + minutes * 60_000, target)));
    }
}
