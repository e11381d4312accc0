package io.containeredge.api;

import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.EconomicsStatus;
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
 * The site's economics as the controller last acted on them ({@code GET /api/v1/economics}, {@link EconomicsStatus}):
 * the energy price now and ahead with its source and any fallback, the hashprice, the breakeven price per model,
 * the profit now and today, the economic limit and why. Read-only; 404 when the site has no economics section.
 * Registered on the exact path, so that resources below it are other servlets' to serve.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/economics")
public class EconomicsServlet extends GuardedJsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient ControlService control;

    @Activate
    public EconomicsServlet(@Reference ControlService control, @Reference ApiGuard guard) {
        super(guard);
        this.control = control;
    }

    @Override
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        if (!path.isEmpty()) {
            throw notFound("/api/v1/economics" + path);
        }
        if (control.status() == null) {
            throw new RequestRefused(503, "the control loop has not completed a cycle yet");
        }
        EconomicsStatus economics = control.economics().orElseThrow(() -> new RequestRefused(404,
                "economics is off: the site has no economics section (add one with a tariff and a hashprice to the"
                        + " site configuration)"));
        return Reply.ok(FiniteJson.of(Json.MAPPER.valueToTree(economics)));
    }
}
