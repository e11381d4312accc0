package io.containeredge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.PlanStatus;
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
 * The storage and mining plan the controller follows ({@code GET /api/v1/plan}, {@link PlanStatus}): its state
 * and why, when and why it was solved, its totals by term, the 48 hours of 15-minute slots, and the current slot
 * as planned against what the controller does now. Read-only; 404 when the site has no planner section. Registered
 * on the exact path, so that resources below it are other servlets' to serve.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/plan")
public class PlanServlet extends GuardedJsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient ControlService control;

    @Activate
    public PlanServlet(@Reference ControlService control, @Reference ApiGuard guard) {
        super(guard);
        this.control = control;
    }

    @Override
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        if (!path.isEmpty()) {
            throw notFound("/api/v1/plan" + path);
        }
        if (control.status() == null) {
            throw new RequestRefused(503, "the control loop has not completed a cycle yet");
        }
        PlanStatus plan = control.plan().orElseThrow(() -> new RequestRefused(404,
                "the planner is off: the site has no planner section (add one to the site configuration to plan"
                        + " the battery and the miners ahead)"));
        ObjectNode json = Json.MAPPER.valueToTree(plan);
        withObjective(json.get("totals"), plan.totals());
        for (int i = 0; i < plan.slots().size(); i++) {
            withObjective(json.get("slots").get(i).get("terms"), plan.slots().get(i).terms());
        }
        return Reply.ok(FiniteJson.of(json));
    }

    /** The objective is derived from the terms, not a component of them: readers get it without summing signs. */
    private static void withObjective(JsonNode termsJson, PlanStatus.Terms terms) {
        ((ObjectNode) termsJson).put("objectiveUsd", terms.objectiveUsd());
    }
}
