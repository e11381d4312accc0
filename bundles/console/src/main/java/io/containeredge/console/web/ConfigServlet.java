package io.containeredge.console.web;

import io.containeredge.console.security.Role;
import io.containeredge.gateway.api.ConfigDocuments;
import io.containeredge.gateway.api.ConfigVersion;
import io.containeredge.gateway.api.SiteConfigurations;
import io.containeredge.http.api.JsonServlet;
import io.containeredge.http.api.Reply;
import io.containeredge.http.api.RequestRefused;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The site configuration through the one validated, versioned path ({@link SiteConfigurations}):
 * <ul>
 * <li>{@code GET /api/v1/config}: the running version, its documents and the history;</li>
 * <li>{@code GET /api/v1/config/documents?version=N}: the documents of one version;</li>
 * <li>{@code POST /api/v1/config/validate {site, profiles}}: {@code {valid, errors:[{file,path,reason}]}},
 *     nothing stored;</li>
 * <li>{@code POST /api/v1/config/apply {site, profiles}}: the new version, or 422 with every error;</li>
 * <li>{@code POST /api/v1/config/rollback {version}}: a new version copying that one, or 422.</li>
 * </ul>
 * Changes need the admin role.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/config/*")
public class ConfigServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient SiteConfigurations configurations;

    @Activate
    public ConfigServlet(@Reference SiteConfigurations configurations) {
        this.configurations = configurations;
    }

    @Override
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        Requester.user(req);
        return switch (path) {
            case "", "/" -> Reply.ok(overview());
            case "/documents" -> Reply.ok(documents(req.getParameter("version")));
            default -> throw notFound("/api/v1/config" + path);
        };
    }

    @Override
    protected Reply post(String path, HttpServletRequest req) throws RequestRefused {
        String source = Requester.source(Requester.withRole(req, Role.ADMIN));
        return switch (path) {
            case "/validate" -> validate(ConfigRequests.documents(RequestBodies.CONFIGURATION.read(req)));
            case "/apply" -> apply(ConfigRequests.documents(RequestBodies.CONFIGURATION.read(req)), source);
            case "/rollback" -> rollback(ConfigRequests.version(RequestBodies.ACTION.read(req)), source);
            default -> throw notFound("/api/v1/config" + path);
        };
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD, POST";
    }

    private Map<String, Object> overview() {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            ConfigVersion current = configurations.current();
            body.put("current", current);
            body.put("documents", configurations.documents(current.version()));
        } catch (IllegalStateException e) {
            // the configured site was refused at the first start: there is a history to show, no version
            body.put("current", null);
            body.put("documents", null);
            body.put("note", e.getMessage());
        }
        body.put("history", configurations.history());
        return body;
    }

    private ConfigDocuments documents(String version) throws RequestRefused {
        int n;
        try {
            n = Integer.parseInt(version == null ? "" : version);
        } catch (NumberFormatException e) {
            throw RequestRefused.badRequest("give the version as ?version=<n>");
        }
        try {
            return configurations.documents(n);
        } catch (IllegalArgumentException e) {
            throw new RequestRefused(404, e.getMessage());
        }
    }

    private Reply validate(ConfigDocuments documents) {
        List<ConfigError> errors = configurations.validate(documents);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", errors.isEmpty());
        body.put("errors", errors);
        return Reply.ok(body);
    }

    private Reply apply(ConfigDocuments documents, String source) {
        try {
            return Reply.ok(Map.of("version", configurations.apply(documents, source)));
        } catch (ConfigException e) {
            return refused(e);
        }
    }

    private Reply rollback(int version, String source) {
        try {
            return Reply.ok(Map.of("version", configurations.rollback(version, source)));
        } catch (ConfigException e) {
            return refused(e);
        }
    }

    private static Reply refused(ConfigException e) {
        return Reply.error(422, e.errors().size() + " configuration error(s); nothing was changed", "errors", e.errors());
    }
}
