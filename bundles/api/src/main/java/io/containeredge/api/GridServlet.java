package io.containeredge.api;

import io.containeredge.control.api.ControlService;
import io.containeredge.http.api.ApiGuard;
import io.containeredge.http.api.GuardedJsonServlet;
import io.containeredge.http.api.JsonBodyReader;
import io.containeredge.http.api.JsonFields;
import io.containeredge.http.api.Reply;
import io.containeredge.http.api.RequestRefused;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The container's grid services ({@code GET /api/v1/grid}, {@link GridJson#grid}): the under-frequency guard, the
 * coincident-peak windows and their alert, the events, and what binds the container now; and the peak alert
 * ({@code POST /api/v1/grid/peak-alert {"on": true, "minutes": 120}} or {@code {"on": false}}). The body's shape is
 * checked here (400 naming the field); the controller refuses an alert on a site without peak windows, or one not
 * ending within 24 hours, with a 422 and its reason: nothing changes.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/grid/*")
public class GridServlet extends GuardedJsonServlet {

    private static final long serialVersionUID = 1L;
    /** Only bounds the arithmetic; the controller says how long an alert may last. */
    private static final long MAX_MINUTES = 366L * 24 * 60;

    private final transient ControlService control;

    @Activate
    public GridServlet(@Reference ControlService control, @Reference ApiGuard guard) {
        super(guard);
        this.control = control;
    }

    @Override
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        if (!path.isEmpty() && !path.equals("/")) {
            throw notFound("/api/v1/grid" + path);
        }
        return Reply.ok(GridJson.grid(control.grid().orElseThrow(() -> new RequestRefused(503,
                "the control loop has not completed a cycle yet"))));
    }

    @Override
    protected Reply post(String path, HttpServletRequest req) throws RequestRefused {
        if (!path.equals("/peak-alert")) {
            throw new RequestRefused(404, "POST is accepted on /api/v1/grid/peak-alert");
        }
        JsonFields f = JsonFields.of(JsonBodyReader.ACTION.read(req), Set.of("on", "minutes"));
        boolean on = f.flag("on");
        long until = on ? System.currentTimeMillis() + f.whole("minutes", 0, MAX_MINUTES) * 60_000 : 0;
        try {
            control.setPeakAlert(on, until, Callers.of(req));
        } catch (IllegalArgumentException e) {
            throw new RequestRefused(422, e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alert", on);
        body.put("untilMillis", until);
        return Reply.ok(body);
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD, POST";
    }
}
