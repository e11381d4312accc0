package io.containeredge.console.web;

import io.containeredge.gateway.api.AuditTrail;
import io.containeredge.http.api.JsonServlet;
import io.containeredge.http.api.Reply;
import io.containeredge.http.api.RequestRefused;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /api/v1/audit?max=N}: the newest records of the audit trail, newest first (N 1–1000, default 200). */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/audit")
public class AuditServlet extends JsonServlet {

    static final int DEFAULT_MAX = 200;
    static final int LIMIT = 1000;
    private static final long serialVersionUID = 1L;

    private final transient AuditTrail audit;

    @Activate
    public AuditServlet(@Reference AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        Requester.user(req);
        return Reply.ok(Map.of("records", audit.recent(max(req.getParameter("max")))));
    }

    static int max(String value) throws RequestRefused {
        if (value == null) {
            return DEFAULT_MAX;
        }
        try {
            int max = Integer.parseInt(value);
            if (max >= 1 && max <= LIMIT) {
                return max;
            }
        } catch (NumberFormatException e) {
            // answered below like any other value out of range
        }
        throw RequestRefused.badRequest("max must be a whole number from 1 to " + LIMIT);
    }
}
