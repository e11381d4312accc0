package io.containeredge.console.web;

import io.containeredge.console.security.ConsoleUser;
import io.containeredge.console.security.Role;
import io.containeredge.http.api.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Who sent a request, as the security filter put it on the request. The filter already enforces the
 * roles by path; the endpoints check again before they act, so a filter missing or mis-registered
 * fails closed: no user, no answer.
 */
final class Requester {

    private Requester() {
    }

    /** The authenticated user; 401 when the request did not pass the security filter. */
    static ConsoleUser user(HttpServletRequest req) throws RequestRefused {
        if (req.getAttribute(ConsoleUser.ATTRIBUTE) instanceof ConsoleUser user) {
            return user;
        }
        throw new RequestRefused(401, "not logged in");
    }

    /** The authenticated user when it has {@code role}; 403 otherwise. */
    static ConsoleUser withRole(HttpServletRequest req, Role role) throws RequestRefused {
        ConsoleUser user = user(req);
        if (!user.role().includes(role)) {
            throw new RequestRefused(403, "this needs the " + role.name().toLowerCase(Locale.ROOT) + " role");
        }
        return user;
    }

    /** How the controller, the configuration history and the logs name a console user. */
    static String source(ConsoleUser user) {
        return "console:" + user.name();
    }
}
