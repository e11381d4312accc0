package io.containeredge.console.web;

import io.containeredge.console.overview.MinerCommandSummary;
import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.http.api.JsonServlet;
import io.containeredge.http.api.Reply;
import io.containeredge.http.api.RequestRefused;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/miners}: the fleet's counts and, per miner, the latest command the controller
 * sent it and its outcome — all the controller publishes about single miners (see
 * {@link MinerCommandSummary}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/miners")
public class MinersServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient ControlService control;

    @Activate
    public MinersServlet(@Reference ControlService control) {
        this.control = control;
    }

    @Override
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        Requester.user(req);
        ControlStatus status = control.status();
        MinerCommandSummary summary = MinerCommandSummary.of(control.recentCommands());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", status == null ? null : status.minersTotal());
        body.put("awake", status == null ? null : status.minersAwake());
        body.put("unreachable", status == null ? null : status.minersUnreachable());
        body.put("commanded", summary.commanded());
        body.put("lastCommandFailed", summary.lastCommandFailed());
        body.put("miners", summary.latest().stream().map(MinersServlet::miner).toList());
        return Reply.ok(body);
    }

    private static Map<String, Object> miner(CommandOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", o.command().index());
        m.put("command", o.command().kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("targetW", o.command().targetW());
        m.put("ok", o.ok());
        m.put("message", o.message());
        m.put("atMillis", o.startedMillis());
        m.put("durationMillis", o.durationMillis());
        return m;
    }
}
