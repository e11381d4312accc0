package io.containeredge.console.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLConnection;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The console's pages, styles and scripts from the bundle itself ({@code /console/*}), so the
 * console works with no internet. {@code /console} goes to {@code /console/}, which is the overview.
 * Read-only: GET and HEAD; anything else is 405, anything not found 404 (see {@link StaticAssets}).
 * Pages are revalidated on every load (they are small and change with the gateway's version).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/console/*")
public class StaticAssetsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient StaticAssets assets;

    @Activate
    public StaticAssetsServlet(BundleContext context) {
        this(new StaticAssets(context.getBundle()::getEntry));
    }

    StaticAssetsServlet(StaticAssets assets) {
        this.assets = assets;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String method = req.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            resp.setHeader("Allow", "GET, HEAD");
            resp.sendError(405);
            return;
        }
        if (req.getPathInfo() == null) {
            resp.sendRedirect(req.getContextPath() + req.getServletPath() + "/");
            return;
        }
        Optional<StaticAssets.Asset> asset = assets.find(req.getPathInfo());
        if (asset.isEmpty()) {
            resp.sendError(404);
            return;
        }
        URLConnection connection = asset.get().url().openConnection();
        resp.setContentType(asset.get().contentType());
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        long length = connection.getContentLengthLong();
        if (length >= 0) {
            resp.setContentLengthLong(length);
        }
        try (InputStream in = connection.getInputStream()) {
            if (method.equals("GET")) {
                OutputStream out = resp.getOutputStream();
                in.transferTo(out);
            }
        }
    }
}
