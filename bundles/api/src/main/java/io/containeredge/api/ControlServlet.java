package io.containeredge.api;

import static io.containeredge.api.JsonResponses.JSON;
import static io.containeredge.api.JsonResponses.error;
import static io.containeredge.api.JsonResponses.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.ControlStatus;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The controller's state ({@code GET /api/v1/control}), the last miner commands and their outcomes
 * ({@code GET /api/v1/control/commands}), its alarms ({@code GET /api/v1/control/alarms},
 * {@code POST /api/v1/control/alarms/ack?id=...}), a temporary import cap
 * ({@code POST /api/v1/control/import-cap?kw=...&minutes=...}) and the local trip reset
 * ({@code POST /api/v1/control/reset}). The reset is taken at the next cycle and refused there while
 * the cause is present. Who may call what is not decided here: the console's security filter in front
 * of {@code /api/*} lets only logged-in users and API tokens through (reads: viewer, POSTs: technician),
 * from any address the server listens on, and names the caller in {@link HttpServletRequest#getRemoteUser()}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/control/*")
public class ControlServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ControlService control;

    @Activate
    public ControlServlet(@Reference ControlService control) {
        this.control = control;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (path.equals("/alarms")) {
            ObjectNode body = JSON.createObjectNode();
            body.set("active", JSON.valueToTree(control.activeAlarms()));
            body.set("history", JSON.valueToTree(control.alarmHistory(200)));
            send(resp, 200, withoutInfinities(body));
            return;
        }
        if (path.equals("/commands")) {
            List<CommandOutcome> all = control.recentCommands();
            ObjectNode body = JSON.createObjectNode();
            body.set("commands", JSON.valueToTree(all.subList(Math.max(0, all.size() - 500), all.size())));
            send(resp, 200, body);
            return;
        }
        if (!path.isEmpty() && !path.equals("/")) {
            send(resp, 404, error("no such resource: /api/v1/control" + path));
            return;
        }
        ControlStatus status = control.status();
        if (status == null) {
            send(resp, 503, error("the control loop has not completed a cycle yet"));
            return;
        }
        send(resp, 200, withoutInfinities(JSON.valueToTree(status)));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if ("/alarms/ack".equals(req.getPathInfo())) {
            acknowledge(req, resp);
            return;
        }
        if ("/import-cap".equals(req.getPathInfo())) {
            importCap(req, resp);
            return;
        }
        if (!"/reset".equals(req.getPathInfo())) {
            send(resp, 404, error("POST is accepted on /api/v1/control/reset, /alarms/ack and /import-cap"));
            return;
        }
        control.requestReset();
        ObjectNode body = JSON.createObjectNode();
        body.put("accepted", true);
        body.put("note", "applied at the next cycle unless the trip's cause is still present; see GET /api/v1/control");
        send(resp, 202, body);
    }

    private void importCap(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        double kw;
        long minutes;
        try {
            kw = Double.parseDouble(req.getParameter("kw"));
            minutes = Long.parseLong(req.getParameter("minutes"));
        } catch (NumberFormatException | NullPointerException e) {
            send(resp, 400, error("give ?kw=<import cap in kW>&minutes=<how long>"));
            return;
        }
        try {
            control.overrideImportCap(kw, java.time.Duration.ofMinutes(minutes), caller(req));
        } catch (IllegalArgumentException e) {
            send(resp, 422, error(e.getMessage()));
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("importCapKw", kw);
        body.put("minutes", minutes);
        send(resp, 200, body);
    }

    private void acknowledge(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getParameter("id");
        if (id == null || id.isBlank() || id.length() > 100) {
            send(resp, 400, error("give the alarm as ?id=<alarm id>"));
            return;
        }
        String who = caller(req);
        if (control.acknowledge(id, who)) {
            ObjectNode body = JSON.createObjectNode();
            body.put("acknowledged", id);
            body.put("by", who);
            send(resp, 200, body);
        } else {
            send(resp, 409, error("no unacknowledged alarm '" + id + "'"));
        }
    }

    /** Who sent the request and from where, e.g. {@code alice@10.0.0.5}; {@code api@...} when nobody logged in. */
    private static String caller(HttpServletRequest req) {
        String user = req.getRemoteUser();
        return (user == null ? "api" : user) + "@" + req.getRemoteAddr();
    }

    /** "No limit" is infinite and "no reading" NaN inside the controller; both are null on the wire. */
    private static JsonNode withoutInfinities(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                JsonNode child = object.get(name);
                if (child.isDouble() && !Double.isFinite(child.asDouble())) {
                    object.putNull(name);
                } else {
                    withoutInfinities(child);
                }
            });
        } else if (node.isArray()) {
            node.forEach(ControlServlet::withoutInfinities);
        }
        return node;
    }
}
