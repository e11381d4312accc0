package io.containeredge.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.gateway.api.ProcessImageService;
import io.containeredge.http.api.ApiGuard;
import io.containeredge.http.api.GuardedJsonServlet;
import io.containeredge.http.api.Json;
import io.containeredge.http.api.Reply;
import io.containeredge.http.api.RequestRefused;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.poll.DeviceDiagnostics;
import io.containeredge.modbus.value.PointValue;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The read-only JSON API: {@code GET /api/v1/snapshot} and {@code GET /api/v1/devices}. Anything else
 * is answered with a JSON error; no request can change the gateway's state. The reads are guarded
 * like the changes (the {@link ApiGuard} is a mandatory reference): the process image says what the
 * site is and does, which nobody should read unauthenticated, e.g. on a Kura install without the console.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/*")
public class ApiServlet extends GuardedJsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient ProcessImageService image;

    @Activate
    public ApiServlet(@Reference ProcessImageService image, @Reference ApiGuard guard) {
        super(guard);
        this.image = image;
    }

    @Override
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        return switch (path) {
            case "/snapshot" -> Reply.ok(snapshot(image.snapshot()));
            case "/devices" -> Reply.ok(devices());
            default -> throw notFound("/api/v1" + path);
        };
    }

    private ObjectNode snapshot(Snapshot snapshot) {
        ObjectNode root = Json.MAPPER.createObjectNode();
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
        ObjectNode root = Json.MAPPER.createObjectNode();
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
            n.set("errors", Json.MAPPER.valueToTree(d.errors()));
            n.set("exceptionCodes", Json.MAPPER.valueToTree(d.exceptionCodes()));
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
