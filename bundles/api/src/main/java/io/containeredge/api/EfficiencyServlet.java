package io.containeredge.api;

import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.FleetEfficiency;
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
 * The fleet's measured efficiency ({@code GET /api/v1/economics/efficiency}): fleet J/TH and hashrate, every
 * modelled miner's J/TH next to its model's curve, and the underperformers, the most lost revenue per day first
 * ({@link ControlService#efficiency}). Numbers the controller does not know (a sleeping miner's J/TH, the lost
 * revenue without a hashprice) are null. Read-only; who may read is the {@link ApiGuard}'s to decide, as for every
 * {@code /api/*} resource.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/economics/efficiency")
public class EfficiencyServlet extends GuardedJsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient ControlService control;

    @Activate
    public EfficiencyServlet(@Reference ControlService control, @Reference ApiGuard guard) {
        super(guard);
        this.control = control;
    }

    @Override
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        if (!path.isEmpty() && !path.equals("/")) {
            throw notFound("/api/v1/economics/efficiency" + path);
        }
        FleetEfficiency efficiency = control.efficiency();
        return Reply.ok(FiniteJson.of(Json.MAPPER.valueToTree(efficiency)));
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD";
    }
}
