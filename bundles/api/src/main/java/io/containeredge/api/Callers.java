package io.containeredge.api;

import jakarta.servlet.http.HttpServletRequest;

/** How the API names who sent a command, in the controller's sources and records. */
final class Callers {

    private Callers() {
    }

    /** Who sent the request and from where, e.g. {@code alice@10.0.0.5}; {@code api@...} when nobody logged in. */
    static String of(HttpServletRequest req) {
        String user = req.getRemoteUser();
        return (user == null ? "api" : user) + "@" + req.getRemoteAddr();
    }
}
