package io.containeredge.console.auth;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers on every answer under {@code /api} and {@code /console}: only the gateway's own scripts,
 * styles and images run (no inline script, so an injected string cannot execute), the console is never
 * framed (no clickjacking), types are not sniffed, no referrer leaves, and API answers are never cached.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; object-src 'none';"
            + " base-uri 'none'; form-action 'self'";

    private SecurityHeaders() {
    }

    static void apply(HttpServletResponse resp, String path) {
        resp.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("X-Frame-Options", "DENY");
        if (isApi(path)) {
            resp.setHeader("Cache-Control", "no-store");
        }
    }

    /** The JSON endpoints: answered with JSON errors, never redirected, never cached. */
    static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/console/api/");
    }
}
