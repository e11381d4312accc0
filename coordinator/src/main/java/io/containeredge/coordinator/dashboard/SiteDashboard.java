package io.containeredge.coordinator.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.containeredge.coordinator.SiteView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site dashboard: HTTPS on the coordinator's own self-signed certificate, a login against the users file, and one
 * page that polls {@code GET /api/site} (the {@link SiteView} as JSON) every 2 s. Only the active coordinator shows the
 * site: a standby answers every request with 503 naming the leader, so nobody reads a standby's partial view as the
 * site's. It changes nothing on the site, so it needs no CSRF tokens beyond the SameSite=Strict cookie.
 *
 * <p>Start it with {@link #start}, stop it with {@link #close}.
 */
public final class SiteDashboard implements AutoCloseable {

    static final String COOKIE = "ce_site_session";
    private static final Logger LOG = LoggerFactory.getLogger(SiteDashboard.class);
    private static final int MAX_FORM_BYTES = 4096;
    private static final String SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final HttpsServer server;
    private final ExecutorService threads;
    private final DashboardCertificate certificate;
    private final Supplier<SiteView> view;
    private final BooleanSupplier active;
    private final DashboardUsers users;
    private final LoginLimiter limiter = new LoginLimiter();
    private final DashboardSessions sessions = new DashboardSessions();
    private final DashboardPages pages = new DashboardPages();
    private final Clock clock;

    private SiteDashboard(HttpsServer server, DashboardCertificate certificate, Supplier<SiteView> view,
            BooleanSupplier active, DashboardUsers users, Clock clock) {
        this.server = server;
        this.certificate = certificate;
        this.view = view;
        this.active = active;
        this.users = users;
        this.clock = clock;
        this.threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "site-dashboard");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                route(exchange);
            } catch (IOException | UncheckedIOException e) {
                LOG.debug("dashboard request {} failed: {}", exchange.getRequestURI(), e.toString());
            }
        });
    }

    /**
     * Listens at once; the certificate is made first when {@code settings.keyStoreDir()} holds none.
     *
     * @param view what this instance knows of the site now (called per request)
     * @param active whether this instance is the active coordinator now; a standby answers 503
     */
    public static SiteDashboard start(DashboardSettings settings, Supplier<SiteView> view, BooleanSupplier active)
            throws IOException, GeneralSecurityException {
        DashboardCertificate certificate = DashboardCertificate.obtain(settings.keyStoreDir(), settings.bindAddress());
        HttpsServer server = HttpsServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
        SiteDashboard dashboard = new SiteDashboard(server, certificate, view, active,
                new DashboardUsers(settings.usersFile()), Clock.systemUTC());
        server.start();
        LOG.info("site dashboard on https://{}:{}/ (certificate SHA-256 {})", settings.bindAddress(), dashboard.port(),
                certificate.fingerprint());
        return dashboard;
    }

    /** The port it listens on (the free one chosen for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The certificate it presents: what a client pins, and what an operator compares the browser's fingerprint to. */
    public X509Certificate certificate() {
        return certificate.certificate();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        pages.secureHeaders(exchange, SECURITY_POLICY);
        if (!active.getAsBoolean()) {
            String leader = view.get().leaderId();
            exchange.getResponseHeaders().set("X-Site-Leader", leader == null ? "" : leader);
            pages.text(exchange, 503, "this coordinator is a standby; the dashboard is served by the active one: "
                    + (leader == null ? "none is elected now" : leader));
        } else if (path.equals("/login") && method.equals("GET")) {
            pages.login(exchange, 200, "");
        } else if (path.equals("/login") && method.equals("POST")) {
            login(exchange);
        } else if (path.equals("/dashboard.css")) {
            pages.asset(exchange, path); // the login form's look: nothing of the site in it
        } else if (path.equals("/logout") && method.equals("POST")) {
            sessions.end(sessionToken(exchange));
            exchange.getResponseHeaders().add("Set-Cookie", cookie("", 0));
            pages.redirect(exchange, "/login");
        } else if (sessions.user(sessionToken(exchange), clock.millis()).isEmpty()) {
            if (path.startsWith("/api/")) {
                pages.json(exchange, 401, "{\"error\":\"login required\"}".getBytes(StandardCharsets.UTF_8));
            } else {
                pages.redirect(exchange, "/login");
            }
        } else if (!method.equals("GET")) {
            pages.text(exchange, 405, "only GET here");
        } else if (path.equals("/api/site")) {
            pages.json(exchange, 200, SiteViewJson.of(view.get()));
        } else {
            pages.asset(exchange, path);
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange.getRequestBody());
        String name = form.getOrDefault("name", "");
        char[] password = form.getOrDefault("password", "").toCharArray();
        String address = exchange.getRemoteAddress().getAddress().getHostAddress();
        long now = clock.millis();
        Duration wait = limiter.wait(name, address, now);
        if (!wait.isZero()) {
            long seconds = (wait.toMillis() + 999) / 1000;
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(seconds));
            pages.login(exchange, 429, "Too many failed logins: try again in " + seconds + " s.");
        } else if (checked(name, password)) {
            limiter.succeeded(name);
            exchange.getResponseHeaders().add("Set-Cookie", cookie(sessions.start(name, now),
                    DashboardSessions.LONGEST.toSeconds()));
            LOG.info("dashboard login of {} from {}", name, address);
            pages.redirect(exchange, "/");
        } else {
            limiter.failed(name, address, now);
            LOG.info("dashboard login refused for '{}' from {}", name, address);
            pages.login(exchange, 401, "Wrong user name or password.");
        }
    }

    /** A users file that does not parse lets nobody in, and says why in the log (never "no users": see DashboardUsers). */
    private boolean checked(String name, char[] password) {
        try {
            return users.check(name, password);
        } catch (IOException e) {
            LOG.warn("dashboard login of '{}' refused: the users file is unreadable: {}", name, e.getMessage());
            return false;
        }
    }

    private static String cookie(String value, long maxAgeSeconds) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; Secure; SameSite=Strict";
    }

    private static String sessionToken(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(COOKIE + "=")) {
                    return p.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    private static Map<String, String> form(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_FORM_BYTES);
        Map<String, String> fields = new HashMap<>();
        for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
