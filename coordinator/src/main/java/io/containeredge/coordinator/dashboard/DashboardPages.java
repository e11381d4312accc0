package io.containeredge.coordinator.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The dashboard's answers: its pages and script from the jar (no external assets: a site server often has no route to
 * the internet, and nothing from elsewhere runs with the operator's session), JSON, text and redirects, every one
 * with headers that keep it out of caches and frames.
 */
final class DashboardPages {

    /** Path to resource and content type: the whole of what the dashboard serves besides the API. */
    private static final Map<String, String[]> ASSETS = Map.of(
            "/", new String[] {"dashboard.html", "text/html; charset=utf-8"},
            "/dashboard.js", new String[] {"dashboard.js", "text/javascript; charset=utf-8"},
            "/dashboard.css", new String[] {"dashboard.css", "text/css; charset=utf-8"});

    private final Map<String, byte[]> loaded = new java.util.concurrent.ConcurrentHashMap<>();

    void secureHeaders(HttpExchange exchange, String contentSecurityPolicy) {
        var headers = exchange.getResponseHeaders();
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Strict-Transport-Security", "max-age=31536000");
        headers.set("Content-Security-Policy", contentSecurityPolicy);
    }

    void asset(HttpExchange exchange, String path) throws IOException {
        String[] asset = ASSETS.get(path);
        if (asset == null) {
            text(exchange, 404, "not found");
        } else {
            send(exchange, 200, asset[1], resource(asset[0]));
        }
    }

    /** The login form with {@code message} (always one of the dashboard's own sentences) above it. */
    void login(HttpExchange exchange, int status, String message) throws IOException {
        String page = new String(resource("login.html"), StandardCharsets.UTF_8).replace("{{message}}", message);
        send(exchange, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    void json(HttpExchange exchange, int status, byte[] body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** 303: after a POST the browser GETs the target, so a reload does not post the password again. */
    void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private byte[] resource(String name) {
        return loaded.computeIfAbsent(name, n -> {
            try (InputStream in = DashboardPages.class.getResourceAsStream(n)) {
                if (in == null) {
                    throw new IllegalStateException("the jar lacks the dashboard's " + n);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
