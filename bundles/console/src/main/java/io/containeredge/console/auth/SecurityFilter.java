package io.containeredge.console.auth;

import io.containeredge.console.security.Access;
import io.containeredge.console.security.AccessPolicy;
import io.containeredge.console.security.ConsoleSecurity;
import io.containeredge.console.security.ConsoleUser;
import io.containeredge.console.security.Session;
import io.containeredge.gateway.api.AuditTrail;
import io.containeredge.http.api.ApiGuard;
import io.containeredge.http.api.JsonAnswers;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request under {@code /api} and {@code /console} passes here first: security headers, who sent
 * it (session cookie or {@code Authorization: Bearer}), whether its role may do it ({@link AccessPolicy}),
 * CSRF for session changes ({@link CsrfCheck}), then, once it has been answered, the audit record of
 * every change (that of a change nobody is authenticated for only as far as {@link AnonymousRequestAudit}
 * admits it). The component needs nothing to start, so it is registered before the JSON API can be
 * reached; until the security state and the audit trail are there it answers 503 to everything: it
 * fails closed, never open. Asynchronous support lets the console's live stream pass.
 *
 * <p>It is the gateway's {@link ApiGuard}: the API's servlets are registered only while it is, and
 * answer only a request it marked as passed.
 */
@Component(service = {Filter.class, ApiGuard.class}, immediate = true, property = "service.ranking:Integer=1000")
@HttpWhiteboardFilterPattern({"/api/*", "/console/*"})
@HttpWhiteboardFilterAsyncSupported
public class SecurityFilter implements Filter, ApiGuard {

    static final String LOGIN_PAGE = "/console/login.html";
    private static final Logger LOG = LoggerFactory.getLogger(SecurityFilter.class);
    private static final String BEARER = "Bearer ";
    private static final String BEARER_CHALLENGE = "Bearer realm=\"containeredge\"";
    /** {@link AuthServlet} records each attempt with its outcome (accepted, rejected, locked) and the name tried. */
    private static final Set<String> AUDITED_BY_THEIR_SERVLET = Set.of("/console/api/auth/login",
            "/console/api/auth/setup");
    /** The request attribute that says this filter passed a request; no client can set an attribute. */
    private static final String ADMITTED = SecurityFilter.class.getName() + ".admitted";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConsoleSecurity security;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AnonymousRequestAudit anonymousAudit;

    /** For Declarative Services, which then injects the references. */
    public SecurityFilter() {
    }

    /** For tests. */
    SecurityFilter(ConsoleSecurity security, AuditTrail audit, AnonymousRequestAudit anonymousAudit) {
        this.security = security;
        this.audit = audit;
        this.anonymousAudit = anonymousAudit;
    }

    /** Who a request is: a user (or none), the session it came with, and whether a bearer token was wrong. */
    private record Caller(ConsoleUser user, Session session, boolean badToken) {
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = path(req);
        SecurityHeaders.apply(resp, path);
        ConsoleSecurity currentSecurity = security;
        AuditTrail currentAudit = audit;
        AnonymousRequestAudit currentAnonymousAudit = anonymousAudit;
        if (currentSecurity == null || currentAudit == null || currentAnonymousAudit == null) {
            resp.setHeader("Retry-After", "5");
            JsonAnswers.refuse(req, resp, 503, "the console's security is not running yet");
            return;
        }
        String method = req.getMethod();
        Caller caller = caller(req, currentSecurity);
        boolean changes = !AccessPolicy.isRead(method);
        int status = 500;
        try {
            decideAndPass(req, resp, chain, path, caller);
            status = resp.getStatus();
        } finally {
            if (changes && !AUDITED_BY_THEIR_SERVLET.contains(path)) {
                audit(currentAudit, currentAnonymousAudit, caller.user(), req, path, status);
            }
        }
    }

    private void decideAndPass(HttpServletRequest req, HttpServletResponse resp, FilterChain chain, String path,
            Caller caller) throws IOException, ServletException {
        String method = req.getMethod();
        Access access = AccessPolicy.required(method, path);
        if (caller.badToken()) {
            // a machine sent it: a redirect to the login page would help nobody
            resp.setHeader("WWW-Authenticate", BEARER_CHALLENGE);
            JsonAnswers.refuse(req, resp, 401, "unknown API token");
            return;
        }
        ConsoleUser user = caller.user();
        if (!access.permits(user == null ? null : user.role())) {
            if (user == null) {
                unauthenticated(req, resp, path, "log in first");
            } else {
                JsonAnswers.refuse(req, resp, 403, "'" + user.name() + "' (" + user.role().name().toLowerCase(Locale.ROOT)
                        + ") may not " + method + " " + path);
            }
            return;
        }
        // a public change (login, setup) proves nothing with the session it may still carry: Origin only
        Session session = access == Access.PUBLIC ? null : caller.session();
        Optional<String> forged = CsrfCheck.refusal(method, user != null && user.token(), session,
                req.getHeader(CsrfCheck.HEADER), req.getHeader("Origin"), req.getHeader("Host"), req.isSecure());
        if (forged.isPresent()) {
            JsonAnswers.refuse(req, resp, 403, forged.get());
            return;
        }
        req.setAttribute(ADMITTED, this);
        chain.doFilter(user == null ? req : new AuthenticatedRequest(req, user), resp);
    }

    @Override
    public boolean admitted(HttpServletRequest req) {
        return req.getAttribute(ADMITTED) == this;
    }

    private static Caller caller(HttpServletRequest req, ConsoleSecurity security) {
        String authorization = req.getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return new Caller(null, null, true);
            }
            Optional<ConsoleUser> user = security.bearer(authorization.substring(BEARER.length()).strip());
            return new Caller(user.orElse(null), null, user.isEmpty());
        }
        Optional<Session> session = security.session(SessionCookie.read(req));
        return session.map(s -> new Caller(s.user(), s, false)).orElse(new Caller(null, null, false));
    }

    /** JSON endpoints answer 401; a page sends the browser to the login page. */
    private static void unauthenticated(HttpServletRequest req, HttpServletResponse resp, String path, String message)
            throws IOException {
        if (!SecurityHeaders.isApi(path) && AccessPolicy.isRead(req.getMethod())) {
            resp.sendRedirect(req.getContextPath() + LOGIN_PAGE);
            return;
        }
        resp.setHeader("WWW-Authenticate", BEARER_CHALLENGE);
        JsonAnswers.refuse(req, resp, 401, message);
    }

    /** An authenticated change is always recorded; one nobody is authenticated for as far as the allowance goes. */
    private static void audit(AuditTrail trail, AnonymousRequestAudit anonymous, ConsoleUser user, HttpServletRequest req,
            String path, int status) {
        String address = req.getRemoteAddr();
        Consumer<AuditTrail> write = t -> RequestAudit.request(t, user, req.getMethod(), path, req.getQueryString(),
                address, status);
        try {
            if (user == null) {
                anonymous.record(address, write);
            } else {
                write.accept(trail);
            }
        } catch (RuntimeException e) {
            LOG.error("audit record of {} {} ({}) failed", req.getMethod(), path, status, e);
        }
    }

    /** The path inside the context, decoded and normalised by the container: what the servlets dispatch on. */
    static String path(HttpServletRequest req) {
        String servletPath = req.getServletPath() == null ? "" : req.getServletPath();
        return req.getPathInfo() == null ? servletPath : servletPath + req.getPathInfo();
    }
}
