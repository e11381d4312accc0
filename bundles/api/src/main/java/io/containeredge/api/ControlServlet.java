package io.containeredge.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.http.api.ApiGuard;
import io.containeredge.http.api.GuardedJsonServlet;
import io.containeredge.http.api.Json;
import io.containeredge.http.api.JsonBodyReader;
import io.containeredge.http.api.JsonFields;
import io.containeredge.http.api.Reply;
import io.containeredge.http.api.RequestRefused;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The controller's state ({@code GET /api/v1/control}), the last miner commands and their outcomes
 * ({@code GET /api/v1/control/commands}), its alarms ({@code GET /api/v1/control/alarms},
 * {@code POST /api/v1/control/alarms/ack?id=...}), a temporary import cap, one resource for the API's
 * clients and the console's page alike (set by {@code POST /api/v1/control/import-cap {"kw": ...,
 * "minutes": ...}}, lifted by {@code DELETE /api/v1/control/import-cap}) and the local trip reset
 * ({@code POST /api/v1/control/reset}). The reset is taken at the next cycle and refused there while
 * the cause is present.
 *
 * <p>Who may call what is not decided here but by the {@link ApiGuard} in front of {@code /api/*} (the
 * console's security filter: reads viewer, POSTs technician, CSRF for browser sessions), from any
 * address the server listens on; it names the caller in {@link HttpServletRequest#getRemoteUser()}.
 * The guard is a mandatory reference: without one this servlet is not registered, and it answers
 * nothing the guard did not pass.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/control/*")
public class ControlServlet extends GuardedJsonServlet {

    /** Said with every lift: the cap override is not what holds miners back after a safety event. */
    static final String LIFT_NOTE = "Only the import cap override ends: a thermal trip, an emergency stop or a "
            + "fail-safe level stays in force until its cause is gone (and a trip until it is reset).";
    private static final long serialVersionUID = 1L;

    private final transient ControlService control;

    @Activate
    public ControlServlet(@Reference ControlService control, @Reference ApiGuard guard) {
        super(guard);
        this.control = control;
    }

    @Override
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        switch (path) {
            case "/alarms" -> {
                ObjectNode body = Json.MAPPER.createObjectNode();
                body.set("active", Json.MAPPER.valueToTree(control.activeAlarms()));
                body.set("history", Json.MAPPER.valueToTree(control.alarmHistory(200)));
                return Reply.ok(FiniteJson.of(body));
            }
            case "/commands" -> {
                List<CommandOutcome> all = control.recentCommands();
                return Reply.ok(Map.of("commands", all.subList(Math.max(0, all.size() - 500), all.size())));
            }
            case "", "/" -> {
                ControlStatus status = control.status();
                if (status == null) {
                    throw new RequestRefused(503, "the control loop has not completed a cycle yet");
                }
                return Reply.ok(FiniteJson.of(Json.MAPPER.valueToTree(status)));
            }
            default -> throw notFound("/api/v1/control" + path);
        }
    }

    @Override
    protected Reply post(String path, HttpServletRequest req) throws RequestRefused {
        return switch (path) {
            case "/alarms/ack" -> acknowledge(req);
            case "/import-cap" -> importCap(req);
            case "/reset" -> reset();
            default -> throw new RequestRefused(404, "POST is accepted on /api/v1/control/reset, /alarms/ack and /import-cap");
        };
    }

    @Override
    protected Reply delete(String path, HttpServletRequest req) throws RequestRefused {
        if (!path.equals("/import-cap")) {
            throw new RequestRefused(404, "DELETE is accepted on /api/v1/control/import-cap");
        }
        return liftImportCap(req);
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD, POST, DELETE";
    }

    private Reply reset() {
        control.requestReset();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", true);
        body.put("note", "applied at the next cycle unless the trip's cause is still present; see GET /api/v1/control");
        return new Reply(202, body);
    }

    /**
     * Only the body's shape is checked here (400); whether the cap and its duration are allowed is the
     * controller's one check, for the API, the console and the cloud alike (422 with its reason).
     */
    private Reply importCap(HttpServletRequest req) throws RequestRefused {
        JsonFields fields = JsonFields.of(JsonBodyReader.ACTION.read(req), Set.of("kw", "minutes"));
        double kw = fields.number("kw");
        Duration duration = fields.minutes("minutes");
        try {
            control.overrideImportCap(kw, duration, Callers.of(req));
        } catch (IllegalArgumentException e) {
            throw new RequestRefused(422, e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("importCapKw", kw);
        body.put("minutes", duration.toMinutes());
        body.put("untilMillis", System.currentTimeMillis() + duration.toMillis());
        return Reply.ok(body);
    }

    /**
     * Ends the import cap override, if one is in force, and says whether one was: lifting none is no
     * error (200, {@code "lifted": false}), so that a retried lift is harmless. It takes no parameters;
     * a body that names one is refused (400) rather than ignored.
     */
    private Reply liftImportCap(HttpServletRequest req) throws RequestRefused {
        JsonFields.of(JsonBodyReader.ACTION.read(req), Set.of());
        boolean lifted = control.liftImportCap(Callers.of(req));
        return Reply.ok(Map.of("lifted", lifted, "note", LIFT_NOTE));
    }

    private Reply acknowledge(HttpServletRequest req) throws RequestRefused {
        String id = req.getParameter("id");
        if (id == null || id.isBlank() || id.length() > 100) {
            throw RequestRefused.badRequest("give the alarm as ?id=<alarm id>");
        }
        String who = Callers.of(req);
        if (!control.acknowledge(id, who)) {
            throw new RequestRefused(409, "no unacknowledged alarm '" + id + "'");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("acknowledged", id);
        body.put("by", who);
        return Reply.ok(body);
    }
}
