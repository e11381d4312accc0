package io.containeredge.console.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The session cookie {@code CE_SESSION}: HttpOnly (no script reads it), SameSite=Strict (no other site
 * sends it), Secure on HTTPS, for the whole host, gone when the browser closes. Written as a header
 * because the servlet API has no portable SameSite.
 */
final class SessionCookie {

    static final String NAME = "CE_SESSION";

    private SessionCookie() {
    }

    /** The session id the request carries, or null. */
    static String read(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (NAME.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    static void set(HttpServletResponse resp, String sessionId, boolean secure) {
        resp.addHeader("Set-Cookie", NAME + "=" + sessionId + attributes(secure));
    }

    /** Tells the browser to forget the cookie. */
    static void clear(HttpServletResponse resp, boolean secure) {
        resp.addHeader("Set-Cookie", NAME + "=; Max-Age=0" + attributes(secure));
    }

    private static String attributes(boolean secure) {
        return "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
