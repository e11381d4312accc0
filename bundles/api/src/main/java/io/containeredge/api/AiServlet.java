package io.containeredge.api;

import io.containeredge.control.api.AiStatus;
import io.containeredge.control.api.ControlService;
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
 * The AI/HPC tenants beside the miners as the controller last acted on them ({@code GET /api/v1/ai},
 * {@link AiStatus}): AI against mining power, each tenant's contract (floor, band and its value), draw, grant and
 * cap, whether it is capped or in breach and why, its capped hours this month, and its GPU servers as last read.
 * Read-only; 404 when the site has no ai section. A cap that is not in force (infinite) and a reading not known
 * (NaN) are null. Registered on the exact path, so that resources below it are other servlets' to serve.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/ai")
public class AiServlet extends GuardedJsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient ControlService control;

    @Activate
    public AiServlet(@Reference ControlService control, @Reference ApiGuard guard) {
        super(guard);
        this.control = control;
    }

    @Override
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        if (!path.isEmpty()) {
            throw notFound("/api/v1/ai" + path);
        }
        if (control.status() == null) {
            throw new RequestRefused(503, "the control loop has not completed a cycle yet");
        }
        AiStatus ai = control.ai().orElseThrow(() -> new RequestRefused(404,
                "AI/HPC is off: the site has no ai section (add one with the tenants, their contracts and their GPU"
                        + " servers to the site configuration)"));
        return Reply.ok(FiniteJson.of(Json.MAPPER.valueToTree(ai)));
    }
}
