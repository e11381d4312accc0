package io.containeredge.console.auth;

import io.containeredge.console.security.AccessPolicy;
import io.containeredge.console.security.SecretTokens;
import io.containeredge.console.security.Session;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Cross-site request forgery: a change made with a session must carry the session's token in
 * {@code X-CSRF-Token} (another site can make the browser send the cookie, never the header), and an
 * {@code Origin}, when the browser sends one, must be this host (which also stops logins from another
 * site). Requests with an API token carry no cookie a browser would add by itself and are exempt.
 */
final class CsrfCheck {

    static final String HEADER = "X-CSRF-Token";

    private CsrfCheck() {
    }

    /**
     * Why this request is refused, or empty when it may pass.
     *
     * @param bearer  authenticated by an API token
     * @param session the session it came with, or null
     * @param secure  it arrived over HTTPS
     */
    static Optional<String> refusal(String method, boolean bearer, Session session, String csrfHeader, String origin,
            String host, boolean secure) {
        if (AccessPolicy.isRead(method) || bearer) {
            return Optional.empty();
        }
        if (origin != null && !sameOrigin(origin, host, secure)) {
            return Optional.of("cross-site request refused (Origin " + origin + " is not this host)");
        }
        if (session != null && !SecretTokens.same(session.csrfToken(), csrfHeader)) {
            return Optional.of("missing or wrong " + HEADER + " header");
        }
        return Optional.empty();
    }

    /** True when {@code origin} (scheme://host[:port]) names the host and port the request was sent to. */
    static boolean sameOrigin(String origin, String host, boolean secure) {
        if (host == null || host.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = secure ? "https" : "http";
        if (!scheme.equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return false;
        }
        int defaultPort = secure ? 443 : 80;
        int originPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
        String hostName;
        int hostPort;
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
            hostName = host.substring(0, colon);
            try {
                hostPort = Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        } else {
            hostName = host;
            hostPort = defaultPort;
        }
        return originPort == hostPort && uri.getHost().toLowerCase(Locale.ROOT).equals(hostName.toLowerCase(Locale.ROOT));
    }
}
