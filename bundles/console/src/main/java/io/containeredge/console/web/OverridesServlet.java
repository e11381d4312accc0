package io.containeredge.console.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.console.security.Role;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.GuardNames;
import io.containeredge.control.api.MaintenanceWindow;
import io.containeredge.control.api.Verdict;
import io.containeredge.http.api.JsonServlet;
import io.containeredge.http.api.Reply;
import io.containeredge.http.api.RequestRefused;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Manual overrides (technician): {@code POST /api/v1/overrides/maintenance {device, minutes}} and
 * {@code .../maintenance/end {device}}; {@code GET /api/v1/overrides} shows what is in force, the
 * maintenance windows and what limits power (an import cap override among them, which the API's one
 * import-cap resource, {@code /api/v1/control/import-cap}, sets and lifts). All go through the
 * controller's own checked paths. No override lifts a safety trip: a thermal trip, an e-stop or a
 * fail-safe level holds as before.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/overrides/*")
public class OverridesServlet extends JsonServlet {

    private static final String SAFETY_NOTE = "Only the override ends: a thermal trip, an emergency stop or a fail-safe "
            + "level stays in force until its cause is gone (and a trip until it is reset).";
    private static final long serialVersionUID = 1L;

    private final transient ControlService control;

    @Activate
    public OverridesServlet(@Reference ControlService control) {
        this.control = control;
    }

    @Override
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        Requester.user(req);
        if (!path.isEmpty() && !path.equals("/")) {
            throw notFound("/api/v1/overrides" + path);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("maintenance", control.maintenance());
        ControlStatus status = control.status();
        body.put("power", status == null ? null : status.verdicts().stream()
                .filter(v -> v.guard().equals(GuardNames.POWER)).map(Verdict::reason).findFirst().orElse(null));
        body.put("note", SAFETY_NOTE);
        return Reply.ok(body);
    }

    @Override
    protected Reply post(String path, HttpServletRequest req) throws RequestRefused {
        String source = Requester.source(Requester.withRole(req, Role.TECHNICIAN));
        ObjectNode body = RequestBodies.ACTION.read(req);
        try {
            return switch (path) {
                case "/maintenance" -> maintenance(OverrideRequests.maintenance(body), source);
                case "/maintenance/end" -> endMaintenance(OverrideRequests.endMaintenance(body), source);
                default -> throw notFound("/api/v1/overrides" + path);
            };
        } catch (IllegalArgumentException e) {
            // the controller refused (unknown device): nothing changed
            throw new RequestRefused(422, e.getMessage());
        }
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD, POST";
    }

    private Reply maintenance(OverrideRequests.Maintenance m, String source) {
        MaintenanceWindow window = control.setMaintenance(m.device(), m.duration(), source);
        return Reply.ok(Map.of("maintenance", window));
    }

    private Reply endMaintenance(String device, String source) throws RequestRefused {
        if (!control.endMaintenance(device, source)) {
            throw new RequestRefused(409, device + " is not in maintenance");
        }
        return Reply.ok(Map.of("ended", device));
    }
}
