package io.containeredge.console.security;

import java.util.Set;

/**
 * Who may do what, as one pure function of method and path (the path inside the servlet context,
 * decoded and normalised by the container), so the whole table is tested without a server:
 *
 * <table>
 * <tr><th>request</th><th>needs</th></tr>
 * <tr><td>GET/HEAD {@code /console/login.html}, {@code /console/setup.html}, {@code /console/assets/**}</td><td>nothing</td></tr>
 * <tr><td>POST {@code /console/api/auth/login}, {@code /console/api/auth/setup}</td><td>nothing</td></tr>
 * <tr><td>any method on {@code /console/api/auth/users}, {@code /console/api/auth/users/**}</td><td>admin</td></tr>
 * <tr><td>POST {@code /console/api/auth/logout}</td><td>any user (viewer)</td></tr>
 * <tr><td>any method but GET/HEAD on {@code /api/v1/config}, {@code /api/v1/config/**}</td><td>admin</td></tr>
 * <tr><td>POST {@code /api/v1/control/**}, {@code /api/v1/overrides/**}, {@code /api/v1/events},
 *     {@code /api/v1/grid/**}</td><td>technician</td></tr>
 * <tr><td>DELETE {@code /api/v1/control/import-cap} (lifts what its POST sets), {@code /api/v1/events/<id>}
 *     (cancels what its POST schedules)</td><td>technician</td></tr>
 * <tr><td>any other GET/HEAD</td><td>viewer</td></tr>
 * <tr><td>anything else</td><td>admin (deny by default: a new endpoint is closed until given a row)</td></tr>
 * </table>
 */
public final class AccessPolicy {

    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final Set<String> PUBLIC_PAGES = Set.of("/console/login.html", "/console/setup.html");
    private static final Set<String> PUBLIC_POSTS = Set.of("/console/api/auth/login", "/console/api/auth/setup");
    /** The one resource lifted by DELETE; any other DELETE stays closed to all but the administrator. */
    private static final String IMPORT_CAP = "/api/v1/control/import-cap";
    private static final String EVENTS = "/api/v1/events";

    private AccessPolicy() {
    }

    public static Access required(String method, String path) {
        boolean read = READS.contains(method);
        if (!safe(path)) {
            return read ? Access.VIEWER : Access.ADMIN;
        }
        if (read && (PUBLIC_PAGES.contains(path) || path.startsWith("/console/assets/"))) {
            return Access.PUBLIC;
        }
        if ("POST".equals(method) && PUBLIC_POSTS.contains(path)) {
            return Access.PUBLIC;
        }
        if (under(path, "/console/api/auth/users")) {
            return Access.ADMIN;
        }
        if ("POST".equals(method) && path.equals("/console/api/auth/logout")) {
            return Access.VIEWER;
        }
        if (read) {
            return Access.VIEWER;
        }
        if (under(path, "/api/v1/config")) {
            return Access.ADMIN;
        }
        if ("POST".equals(method) && (under(path, "/api/v1/control") || under(path, "/api/v1/overrides")
                || path.equals(EVENTS) || under(path, "/api/v1/grid"))) {
            return Access.TECHNICIAN;
        }
        if ("DELETE".equals(method) && (path.equals(IMPORT_CAP) || oneEvent(path))) {
            return Access.TECHNICIAN;
        }
        return Access.ADMIN;
    }

    /** True for GET and HEAD, the methods that change nothing. */
    public static boolean isRead(String method) {
        return READS.contains(method);
    }

    /** {@code /api/v1/events/<id>}: one event, nothing below it. */
    private static boolean oneEvent(String path) {
        return path.startsWith(EVENTS + "/") && path.length() > EVENTS.length() + 1
                && path.indexOf('/', EVENTS.length() + 1) < 0;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /**
     * A path the container should never pass on (dot segments, empty segments, a backslash) gets no
     * public or lowered entry: it is checked as if it were unknown.
     */
    private static boolean safe(String path) {
        return path.startsWith("/") && !path.contains("//") && !path.contains("\\") && !path.contains("/./")
                && !path.contains("/../") && !path.endsWith("/.") && !path.endsWith("/..");
    }
}
