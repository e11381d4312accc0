package io.containeredge.console.https;

import io.containeredge.gateway.api.SiteService;
import io.containeredge.site.api.WebServerSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.Preprocessor;

/**
 * Where the site serves HTTPS, a request over plain HTTP gets only a 301 to the same path and query on
 * {@code https://<host>:<httpsPort>}; HTTPS responses carry HSTS so the browser goes there directly
 * next time. A whiteboard preprocessor rather than a filter: it runs before any servlet context is
 * chosen, so ahead of the login filter and also for paths nothing serves.
 *
 * <p>The site is followed dynamically, so this stays in place while the site restarts on a new
 * configuration version. In that moment whether TLS is on is unknown: plain HTTP is then let through
 * on loopback only (which the site may serve in plain HTTP anyway) and refused elsewhere.
 */
@Component(service = Preprocessor.class)
public class HttpsPreprocessor implements Preprocessor {

    /** One year: a browser that saw HTTPS once never tries plain HTTP first. No subdomains: they are not ours. */
    static final String HSTS = "max-age=31536000";
    private static final int DEFAULT_HTTPS_PORT = 443;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SiteService site;

    public HttpsPreprocessor() {
    }

    /** For tests, which have no service registry; {@code site} may be null (the site is restarting). */
    HttpsPreprocessor(SiteService site) {
        this.site = site;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
            chain.doFilter(request, response);
            return;
        }
        SiteService current = site;
        if (current == null) {
            if (isLoopback(request.getLocalAddr())) {
                chain.doFilter(request, response);
            } else {
                response.setHeader("Retry-After", "1");
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the site is starting");
            }
            return;
        }
        WebServerSettings api = current.site().config().api();
        if (!api.httpsEnabled()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", httpsLocation(request, api.httpsPort()));
    }

    /** The same host the browser asked for, the HTTPS port, and the path and query still encoded as sent. */
    static String httpsLocation(HttpServletRequest request, int httpsPort) {
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        String port = httpsPort == DEFAULT_HTTPS_PORT ? "" : ":" + httpsPort;
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        return "https://" + host + port + request.getRequestURI() + query;
    }

    /** Jetty gives the local address as a literal, so this never asks DNS. */
    private static boolean isLoopback(String localAddress) {
        try {
            return localAddress != null && InetAddress.getByName(localAddress).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
