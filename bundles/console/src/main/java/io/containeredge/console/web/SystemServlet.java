package io.containeredge.console.web;

import io.containeredge.cloud.api.CloudLink;
import io.containeredge.gateway.api.SiteConfigurations;
import io.containeredge.http.api.JsonServlet;
import io.containeredge.http.api.Reply;
import io.containeredge.http.api.RequestRefused;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/system}: the gateway's version, uptime, memory, the disk of its data directory,
 * the configuration version running, the cloud queue and the open consoles.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/system")
public class SystemServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient ConsoleLive live;
    private final String version;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile CloudLink cloud;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile SiteConfigurations configurations;

    @Activate
    public SystemServlet(@Reference ConsoleLive live, BundleContext context) {
        this.live = live;
        this.version = context.getBundle().getVersion().toString();
    }

    @Override
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        Requester.user(req);
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("java", runtime.getVmVendor() + " " + runtime.getVmVersion());
        body.put("startedMillis", runtime.getStartTime());
        body.put("uptimeSeconds", runtime.getUptime() / 1000);
        body.put("processors", Runtime.getRuntime().availableProcessors());
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        body.put("loadAverage", load < 0 ? null : load);
        body.put("memory", memory());
        body.put("disk", disk(live.dataDirectory()));
        body.put("configVersion", configVersion());
        body.put("cloud", cloud());
        body.put("streamClients", live.streamClients());
        return Reply.ok(body);
    }

    private static Map<String, Object> memory() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heapUsedBytes", heap.getUsed());
        m.put("heapCommittedBytes", heap.getCommitted());
        m.put("heapMaxBytes", heap.getMax() < 0 ? null : heap.getMax());
        m.put("nonHeapUsedBytes", ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed());
        return m;
    }

    private static Map<String, Object> disk(Path dir) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("path", dir.toString());
        try {
            FileStore store = Files.getFileStore(Files.exists(dir) ? dir : dir.getParent());
            d.put("totalBytes", store.getTotalSpace());
            d.put("usableBytes", store.getUsableSpace());
        } catch (IOException | RuntimeException e) {
            d.put("error", "not readable: " + e.getMessage());
        }
        return d;
    }

    private Integer configVersion() {
        SiteConfigurations c = configurations;
        try {
            return c == null ? null : c.current().version();
        } catch (IllegalStateException e) {
            // no version runs: the configured site was refused
            return null;
        }
    }

    private Map<String, Object> cloud() {
        CloudLink link = cloud;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("configured", link != null);
        if (link != null) {
            CloudLink.Status s = link.status();
            c.put("connected", s.connected());
            c.put("server", s.server());
            c.put("backlog", s.backlog());
            c.put("thinned", s.thinned());
            c.put("published", s.published());
        }
        return c;
    }
}
