package io.containeredge.http.api;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The guard in front of the JSON API under {@code /api/*}: a whiteboard filter that authenticates
 * every request and lets through only what the caller's role may do (on a standalone gateway and on
 * Kura alike, the console's security filter). It is declared here so that the API's servlets can
 * depend on it explicitly: each takes it as a mandatory reference, so that without a guard (e.g. a
 * Kura install without the console) they are not registered at all rather than left open, and asks
 * it for every request whether the request came through it, so that a guard registered for other
 * paths or another servlet context fails closed too.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ApiGuard {

    /** Whether {@code req} passed this guard on its way to the servlet; a request that did not is refused. */
    boolean admitted(HttpServletRequest req);
}
