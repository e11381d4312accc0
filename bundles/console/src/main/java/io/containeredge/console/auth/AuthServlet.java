package io.containeredge.console.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.console.security.AccountException;
import io.containeredge.console.security.ConsoleSecurity;
import io.containeredge.console.security.ConsoleUser;
import io.containeredge.console.security.LoginOutcome;
import io.containeredge.console.security.Session;
import io.containeredge.gateway.api.AuditTrail;
import io.containeredge.http.api.Json;
import io.containeredge.http.api.JsonAnswers;
import io.containeredge.http.api.RequestRefused;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Logging in and out: {@code POST /console/api/auth/setup {token, name, password}} (the first
 * administrator, once), {@code POST .../login {name, password}}, {@code POST .../logout} and
 * {@code GET .../me}. A login answers {@code {name, role, csrfToken}} and sets the session cookie; the
 * page sends the CSRF token back in {@code X-CSRF-Token} with every change. A wrong name and a wrong
 * password get the same answer. Every login goes to the audit trail; a failed attempt as far as
 * {@link AnonymousRequestAudit} admits it (the rest are counted in its summary).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/console/api/auth/*")
public class AuthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String REFUSED = "wrong user name or password";
    private static final String LOGIN = "console.login";
    private static final String SETUP = "console.setup";

    private final transient ConsoleSecurity security;
    private final transient AuditTrail audit;
    private final transient AnonymousRequestAudit failures;

    @Activate
    public AuthServlet(@Reference ConsoleSecurity security, @Reference AuditTrail audit,
            @Reference AnonymousRequestAudit failures) {
        this.security = security;
        this.audit = audit;
        this.failures = failures;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/me".equals(req.getPathInfo())) {
            JsonAnswers.error(resp, 404, "no such resource: /console/api/auth" + nullToEmpty(req.getPathInfo()));
            return;
        }
        ConsoleUser user = (ConsoleUser) req.getAttribute(ConsoleUser.ATTRIBUTE);
        ObjectNode body = describe(user);
        body.put("via", user.token() ? "token" : "session");
        if (!user.token()) {
            security.session(SessionCookie.read(req)).ifPresent(s -> body.put("csrfToken", s.csrfToken()));
        }
        JsonAnswers.send(resp, 200, body);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String action = nullToEmpty(req.getPathInfo());
        if ("/logout".equals(action)) {
            security.logout(SessionCookie.read(req));
            SessionCookie.clear(resp, req.isSecure());
            JsonAnswers.send(resp, 200, Json.MAPPER.createObjectNode().put("loggedOut", true));
            return;
        }
        if (!"/login".equals(action) && !"/setup".equals(action)) {
            JsonAnswers.error(resp, 404, "POST is accepted on /console/api/auth/login, /setup and /logout");
            return;
        }
        ObjectNode body;
        try {
            body = AccountRequests.BODY.read(req);
        } catch (RequestRefused e) {
            JsonAnswers.error(resp, e.status(), e.getMessage());
            return;
        }
        String name = AccountRequests.text(body, "name");
        String password = AccountRequests.text(body, "password");
        String address = req.getRemoteAddr();
        LoginOutcome outcome;
        if ("/login".equals(action)) {
            outcome = security.login(name, password, address);
        } else {
            try {
                outcome = security.setup(AccountRequests.text(body, "token"), name, password, address);
            } catch (AccountException e) {
                failures.record(address, t -> RequestAudit.login(t, SETUP, name, address, "rejected", e.getMessage()));
                JsonAnswers.error(resp, UsersServlet.status(e.reason()), e.getMessage());
                return;
            }
        }
        answer(req, resp, "/login".equals(action) ? LOGIN : SETUP, name, outcome);
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp, String auditAction, String name,
            LoginOutcome outcome) throws IOException {
        String address = req.getRemoteAddr();
        if (outcome instanceof LoginOutcome.LockedOut locked) {
            failures.record(address, t -> RequestAudit.login(t, auditAction, name, address, "locked",
                    "locked for " + seconds(locked.retryAfter()) + " s"));
            resp.setHeader("Retry-After", String.valueOf(seconds(locked.retryAfter())));
            JsonAnswers.error(resp, 429, "too many failed attempts; try again in " + seconds(locked.retryAfter()) + " s");
        } else if (outcome instanceof LoginOutcome.Refused refused) {
            failures.record(address, t -> RequestAudit.login(t, auditAction, name, address, "rejected",
                    refused.lockout().isZero() ? "" : "locked out for " + seconds(refused.lockout()) + " s"));
            if (auditAction.equals(SETUP)) {
                JsonAnswers.error(resp, 403, "wrong setup token");
            } else {
                JsonAnswers.error(resp, 401, REFUSED);
            }
        } else if (outcome instanceof LoginOutcome.LoggedIn in) {
            Session session = in.session();
            // a session the browser had before is ended: the new login gets a new id
            security.logout(SessionCookie.read(req));
            RequestAudit.login(audit, auditAction, name, address, "accepted", "");
            SessionCookie.set(resp, session.id(), req.isSecure());
            ObjectNode body = describe(session.user());
            body.put("csrfToken", session.csrfToken());
            JsonAnswers.send(resp, 200, body);
        }
    }

    static ObjectNode describe(ConsoleUser user) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("name", user.name());
        body.put("role", user.role().name().toLowerCase(Locale.ROOT));
        return body;
    }

    /** Whole seconds, rounded up: a client that waits this long is let in. */
    private static long seconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
