package io.containeredge.api;

import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.SiteLeaseStatus;
import io.containeredge.http.api.ApiGuard;
import io.containeredge.http.api.GuardedJsonServlet;
import io.containeredge.http.api.Json;
import io.containeredge.http.api.Reply;
import io.containeredge.http.api.RequestRefused;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The container's site lease ({@code GET /api/v1/site-lease}, {@link SiteLeaseStatus}): the budget in force or the
 * fallback share, the highest leader epoch seen, the last refusal, whether it binds and why. A budget not known (no
 * lease since start) is null. A site without {@code siteLease} answers 404 saying so. Read-only: leases come from the
 * site coordinator over MQTT only.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/site-lease")
public class SiteLeaseServlet extends GuardedJsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient ControlService control;

    @Activate
    public SiteLeaseServlet(@Reference ControlService control, @Reference ApiGuard guard) {
        super(guard);
        this.control = control;
    }

    @Override
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        if (!path.isEmpty() && !path.equals("/")) {
            throw notFound("/api/v1/site-lease" + path);
        }
        SiteLeaseStatus lease = control.siteLease().orElseThrow(() -> new RequestRefused(404, "this container has no"
                + " siteLease section: it is not coordinated with a site coordinator"));
        return Reply.ok(FiniteJson.of(Json.MAPPER.valueToTree(lease)));
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD";
    }
}
