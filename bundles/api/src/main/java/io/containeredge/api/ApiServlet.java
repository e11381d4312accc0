package io.containeredge.api;

import static io.containeredge.api.JsonResponses.JSON;
import static io.containeredge.api.JsonResponses.error;
import static io.containeredge.api.JsonResponses.send;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.gateway.api.ProcessImageService;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.poll.DeviceDiagnostics;
import io.containeredge.modbus.value.PointValue;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The read-only JSON API: {@code GET /api/v1/snapshot} and {@code GET /api/v1/devices}. Anything else
 * is answered with a JSON error; no request can change the gateway's state.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/*")
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ProcessImageService image;

    @Activate
    public ApiServlet(@Reference ProcessImageService image) {
        this.image = image;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        switch (path) {
            case "/snapshot" -> send(resp, 200, snapshot(image.snapshot()));
            case "/devices" -> send(resp, 200, devices());
            default -> send(resp, 404, error("no such resource: /api/v1" + path));
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            if ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod())) {
                super.service(req, resp);
            } else {
                resp.setHeader("Allow", "GET, HEAD");
                send(resp, 405, error("the API is read-only; " + req.getMethod() + " is not allowed"));
            }
        } catch (jakarta.servlet.ServletException e) {
            send(resp, 400, error("bad request"));
        }
    }

    private ObjectNode snapshot(Snapshot snapshot) {
        ObjectNode root = JSON.createObjectNode();
        root.put("timestamp", Instant.ofEpochMilli(snapshot.takenMillis()).toString());
        ArrayNode points = root.putArray("points");
        for (PointValue v : snapshot.values()) {
            ObjectNode p = points.addObject();
            p.put("device", v.device());
            p.put("name", v.point());
            p.putPOJO("value", v.value());
            p.put("unit", v.unit());
            p.put("quality", v.quality().key());
            p.put("timestamp", v.timestampMillis() == 0 ? null : Instant.ofEpochMilli(v.timestampMillis()).toString());
            if (v.reason() != null) {
                p.put("reason", v.reason());
            }
        }
        return root;
    }

    private ObjectNode devices() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("devices");
        for (DeviceDiagnostics d : image.devices()) {
            ObjectNode n = list.addObject();
            n.put("device", d.device());
            n.put("connection", d.connection());
            n.put("unitId", d.unitId());
            n.put("online", d.online());
            n.put("lastGoodRead", d.lastGoodReadMillis() == 0 ? null
                    : Instant.ofEpochMilli(d.lastGoodReadMillis()).toString());
            n.put("requests", d.requests());
            n.set("errors", JSON.valueToTree(d.errors()));
            n.set("exceptionCodes", JSON.valueToTree(d.exceptionCodes()));
            n.put("consecutiveFailures", d.consecutiveFailures());
            n.put("backoffMs", d.backoffMillis());
            ObjectNode latency = n.putObject("responseMs");
            putMillis(latency, "p50", d.p50Millis());
            putMillis(latency, "p95", d.p95Millis());
            putMillis(latency, "p99", d.p99Millis());
            n.put("lastError", d.lastError());
        }
        return root;
    }

    private static void putMillis(ObjectNode node, String field, double millis) {
        if (Double.isNaN(millis)) {
            node.putNull(field);
        } else {
            node.put(field, millis);
        }
    }
}
