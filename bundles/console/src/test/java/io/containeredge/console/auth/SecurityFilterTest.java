package io.containeredge.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.console.security.ConsoleUser;
import io.containeredge.console.security.Role;
import io.containeredge.console.security.Session;
import io.containeredge.gateway.api.AuditRecord;
import io.containeredge.http.testing.FakeRequest;
import io.containeredge.http.testing.FakeResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityFilterTest {

    @TempDir
    Path dir;
    private SecurityRig rig;
    private SecurityFilter filter;
    /** What reached the servlet behind the filter, or null when nothing did. */
    private HttpServletRequest passed;
    private int servletStatus = 200;
    private final FilterChain chain = (req, resp) -> {
        passed = (HttpServletRequest) req;
        ((HttpServletResponse) resp).setStatus(servletStatus);
    };

    @BeforeEach
    void start() throws Exception {
        rig = new SecurityRig(dir, true);
        filter = new SecurityFilter(rig.security, rig.audit, rig.anonymousAudit);
    }

    private FakeResponse send(FakeRequest req) throws Exception {
        FakeResponse resp = new FakeResponse();
        filter.doFilter(req, resp, chain);
        return resp;
    }

    private static FakeRequest snapshot() {
        return new FakeRequest("GET", "/api/v1", "/snapshot");
    }

    private static FakeRequest reset() {
        return new FakeRequest("POST", "/api/v1/control", "/reset");
    }

    private static FakeRequest withSession(FakeRequest req, Session s) {
        return req.cookie(SessionCookie.NAME, s.id());
    }

    @Test
    void withoutASessionTheApiAnswers401AndNothingPasses() throws Exception {
        for (FakeRequest req : List.of(snapshot(), reset(), new FakeRequest("GET", "/console/api/auth", "/me"),
                new FakeRequest("GET", "/console/api/auth/users", null))) {
            FakeResponse resp = send(req);
            assertEquals(401, resp.getStatus(), req.getServletPath());
            assertTrue(resp.json().has("error"));
            assertNull(passed);
        }
    }

    @Test
    void asTheApiGuardItAdmitsWhatItPassedAndNothingElse() throws Exception {
        send(reset().header("Authorization", "Bearer " + SecurityRig.TECHNICIAN_TOKEN));
        assertTrue(filter.admitted(passed), "passed on: the API's servlet answers it");

        FakeRequest refused = reset().header("Authorization", "Bearer " + SecurityRig.VIEWER_TOKEN);
        assertEquals(403, send(refused).getStatus());
        assertFalse(filter.admitted(refused));
        assertFalse(filter.admitted(reset().header("Authorization", "Bearer " + SecurityRig.TECHNICIAN_TOKEN)),
                "a request that never came through the filter");
        FakeRequest elsewhere = reset().header("Authorization", "Bearer " + SecurityRig.TECHNICIAN_TOKEN);
        new SecurityFilter(rig.security, rig.audit, rig.anonymousAudit).doFilter(elsewhere, new FakeResponse(), chain);
        assertFalse(filter.admitted(elsewhere), "another filter's pass is not this guard's");
    }

    @Test
    void aPageWithoutASessionSendsTheBrowserToTheLoginPage() throws Exception {
        FakeResponse resp = send(new FakeRequest("GET", "/console", "/index.html"));
        assertEquals(302, resp.getStatus());
        assertEquals("/console/login.html", resp.getHeader("Location"));
        assertNull(passed);
    }

    @Test
    void theLoginPageAndTheLoginItselfNeedNoSession() throws Exception {
        send(new FakeRequest("GET", "/console", "/login.html"));
        assertNotNull(passed);
        assertNull(passed.getAttribute(ConsoleUser.ATTRIBUTE));
        passed = null;
        send(new FakeRequest("POST", "/console/api/auth", "/login").json("{}"));
        assertNotNull(passed);
    }

    @Test
    void anUnknownOrExpiredSessionIsNoSession() throws Exception {
        assertEquals(401, send(snapshot().cookie(SessionCookie.NAME, "made-up")).getStatus());
        Session s = rig.login("watcher");
        rig.now += Duration.ofMinutes(15).toMillis();
        assertEquals(401, send(withSession(snapshot(), s)).getStatus());
        assertNull(passed);
    }

    @Test
    void aViewerReadsButCannotChangeAnything() throws Exception {
        Session s = rig.login("watcher");
        send(withSession(snapshot(), s));
        assertEquals(new ConsoleUser("watcher", Role.VIEWER, false), passed.getAttribute(ConsoleUser.ATTRIBUTE));
        assertEquals("watcher", passed.getRemoteUser(), "servlets that know nothing of the console see who it is");
        passed = null;
        FakeResponse resp = send(withSession(reset().json("{}"), s).header(CsrfCheck.HEADER, s.csrfToken()));
        assertEquals(403, resp.getStatus());
        assertEquals("close", resp.getHeader("Connection"), "a refused change's unread body ends the connection");
        assertNull(passed);
        assertEquals(403, send(withSession(new FakeRequest("GET", "/console/api/auth/users", null), s)).getStatus());
    }

    @Test
    void aSessionChangeWithoutTheRightCsrfTokenIsRefused() throws Exception {
        Session s = rig.login("tech");
        assertEquals(403, send(withSession(reset(), s)).getStatus());
        assertEquals(403, send(withSession(reset(), s).header(CsrfCheck.HEADER, "guessed")).getStatus());
        Session other = rig.login("tech");
        assertEquals(403, send(withSession(reset(), s).header(CsrfCheck.HEADER, other.csrfToken())).getStatus(),
                "another session's token is no good");
        assertNull(passed);
        FakeResponse admitted = send(withSession(reset().json("{}"), s).header(CsrfCheck.HEADER, s.csrfToken()));
        assertEquals("tech", passed.getRemoteUser());
        assertNull(admitted.getHeader("Connection"), "an admitted change keeps its connection");
    }

    @Test
    void aChangeFromAnotherOriginIsRefusedEvenWithTheToken() throws Exception {
        Session s = rig.login("tech");
        FakeRequest forged = withSession(reset(), s).header(CsrfCheck.HEADER, s.csrfToken())
                .header("Origin", "http://evil.example");
        assertEquals(403, send(forged).getStatus());
        assertEquals(403, send(new FakeRequest("POST", "/console/api/auth", "/login").json("{}")
                .header("Origin", "http://evil.example")).getStatus(), "no login from another site either");
        assertNull(passed);
        send(withSession(reset(), s).header(CsrfCheck.HEADER, s.csrfToken()).header("Origin", "http://gateway.local:8443"));
        assertNotNull(passed);
    }

    @Test
    void anApiTokenActsAsItsRoleWithoutCsrf() throws Exception {
        send(reset().header("Authorization", "Bearer " + SecurityRig.TECHNICIAN_TOKEN));
        assertEquals(new ConsoleUser("scada", Role.TECHNICIAN, true), passed.getAttribute(ConsoleUser.ATTRIBUTE));
        passed = null;
        assertEquals(403, send(reset().header("Authorization", "Bearer " + SecurityRig.VIEWER_TOKEN)).getStatus());
        assertEquals(401, send(snapshot().header("Authorization", "Bearer not-a-token")).getStatus());
        assertEquals(401, send(snapshot().header("Authorization", "Basic cm9vdDpwdw==")).getStatus());
        assertEquals(401, send(new FakeRequest("GET", "/console", "/login.html").header("Authorization", "Bearer x"))
                .getStatus(), "a wrong token is refused even where nothing is needed");
        assertNull(passed);
    }

    /** The import cap is set by POST and lifted by DELETE: the same role, CSRF and audit for both. */
    @Test
    void liftingTheImportCapNeedsATechnicianAndTheCsrfTokenAsSettingItDoes() throws Exception {
        Session tech = rig.login("tech");
        Session watcher = rig.login("watcher");
        rig.audit.records.clear();
        assertEquals(403, send(withSession(liftImportCap(), watcher).header(CsrfCheck.HEADER, watcher.csrfToken()))
                .getStatus(), "a viewer may not");
        assertEquals(403, send(liftImportCap().header("Authorization", "Bearer " + SecurityRig.VIEWER_TOKEN))
                .getStatus());
        assertEquals(403, send(withSession(liftImportCap(), tech)).getStatus(), "no CSRF token");
        assertEquals(403, send(withSession(liftImportCap(), tech).header(CsrfCheck.HEADER, tech.csrfToken())
                .header("Origin", "http://evil.example")).getStatus(), "another site");
        assertEquals(401, send(liftImportCap()).getStatus());
        assertNull(passed);

        send(withSession(liftImportCap(), tech).header(CsrfCheck.HEADER, tech.csrfToken()));
        assertEquals("tech", passed.getRemoteUser());
        passed = null;
        send(liftImportCap().header("Authorization", "Bearer " + SecurityRig.TECHNICIAN_TOKEN));
        assertTrue(filter.admitted(passed), "an API token needs no CSRF token");

        List<AuditRecord> r = rig.audit.records;
        assertEquals(7, r.size(), r.toString());
        assertEquals("http.delete", r.get(6).action());
        assertEquals("/api/v1/control/import-cap", r.get(6).target());
    }

    private static FakeRequest liftImportCap() {
        return new FakeRequest("DELETE", "/api/v1/control", "/import-cap");
    }

    @Test
    void securityHeadersAreOnEveryAnswerAndApiAnswersAreNeverCached() throws Exception {
        Session s = rig.login("watcher");
        for (FakeResponse resp : List.of(send(snapshot()), send(withSession(snapshot(), s)),
                send(new FakeRequest("GET", "/console", "/login.html")), send(withSession(reset(), s)))) {
            assertEquals("default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'",
                    resp.getHeader("Content-Security-Policy"));
            assertEquals("nosniff", resp.getHeader("X-Content-Type-Options"));
            assertEquals("no-referrer", resp.getHeader("Referrer-Policy"));
            assertEquals("DENY", resp.getHeader("X-Frame-Options"));
        }
        assertEquals("no-store", send(snapshot()).getHeader("Cache-Control"));
        assertEquals("no-store", send(new FakeRequest("GET", "/console/api/auth", "/me")).getHeader("Cache-Control"));
        assertNull(send(new FakeRequest("GET", "/console", "/login.html")).getHeader("Cache-Control"));
    }

    @Test
    void everyChangeIsAuditedWithItsOutcomeAndNoReadIs() throws Exception {
        Session s = rig.login("tech");
        rig.audit.records.clear();
        servletStatus = 202;
        send(withSession(reset(), s).header(CsrfCheck.HEADER, s.csrfToken()));
        send(new FakeRequest("POST", "/api/v1/control", "/alarms/ack").query("id=cdu.flow")
                .header("Authorization", "Bearer " + SecurityRig.TECHNICIAN_TOKEN).from("10.0.0.9"));
        send(withSession(reset(), s));
        send(new FakeRequest("POST", "/api/v1/control", "/reset"));
        send(withSession(snapshot(), s));
        List<AuditRecord> r = rig.audit.records;
        assertEquals(4, r.size(), r.toString());
        assertRecord(r.get(0), "tech", "console 10.0.0.5", "/api/v1/control/reset", "202", "");
        assertRecord(r.get(1), "scada", "api 10.0.0.9", "/api/v1/control/alarms/ack", "202", "id=cdu.flow");
        assertRecord(r.get(2), "tech", "console 10.0.0.5", "/api/v1/control/reset", "403", "");
        assertRecord(r.get(3), "anonymous", "api 10.0.0.5", "/api/v1/control/reset", "401", "");
    }

    /**
     * More bad requests than the audit trail keeps (10,000): they write the per-address bucket's worth of
     * records and, a minute later, one summary with the count; an authenticated change in the middle of the
     * flood is recorded all the same.
     */
    @Test
    void aFloodOfUnauthenticatedOrMalformedChangesWritesAtMostTheBucketAndASummary() throws Exception {
        Session s = rig.login("tech");
        rig.audit.records.clear();
        int burst = AnonymousAuditAllowance.Limits.DEFAULT.perAddressBurst();
        for (int i = 0; i < 12_000; i++) {
            send(reset().from("192.0.2.7"));
            send(reset().header("Authorization", "Basic bWFsZm9ybWVk").from("192.0.2.7"));
            rig.nanos += 1_000_000; // 24 s of flood in all: not a whole token of refill
        }
        assertEquals(burst, rig.audit.records.size(), "the bucket's worth");
        send(withSession(reset(), s).header(CsrfCheck.HEADER, s.csrfToken()));
        assertEquals("tech", rig.audit.records.get(burst).actor(), "an authenticated change is always recorded");

        rig.nanos += 60_000_000_000L;
        rig.anonymousAudit.summarise();
        AuditRecord summary = rig.audit.records.get(rig.audit.records.size() - 1);
        assertEquals(AnonymousRequestAudit.ACTION, summary.action());
        assertEquals((24_000 - burst) + " unauthenticated requests not recorded in the last minute from 192.0.2.7 ("
                + (24_000 - burst) + ")", summary.detail());
        assertEquals(burst + 2, rig.audit.records.size());
        rig.anonymousAudit.summarise();
        assertEquals(burst + 2, rig.audit.records.size(), "nothing dropped since: no summary");
    }

    /** The login servlet writes its own record (accepted, rejected, locked): one attempt, one record. */
    @Test
    void loginsAndTheSetupAreLeftToTheirServletsAuditButALogoutIsRecorded() throws Exception {
        send(new FakeRequest("POST", "/console/api/auth", "/login").json("{}"));
        send(new FakeRequest("POST", "/console/api/auth", "/setup").json("{}"));
        assertEquals(List.of(), rig.audit.records);
        send(new FakeRequest("POST", "/console/api/auth", "/logout"));
        assertEquals(1, rig.audit.records.size(), rig.audit.records.toString());
        assertEquals("/console/api/auth/logout", rig.audit.records.get(0).target());
    }

    @Test
    void withoutTheSecurityStateOrTheAuditTrailEverythingIsRefused() throws Exception {
        filter = new SecurityFilter(null, rig.audit, rig.anonymousAudit);
        assertEquals(503, send(new FakeRequest("GET", "/console", "/login.html")).getStatus());
        filter = new SecurityFilter(rig.security, null, rig.anonymousAudit);
        assertEquals(503, send(snapshot().header("Authorization", "Bearer " + SecurityRig.TECHNICIAN_TOKEN)).getStatus());
        filter = new SecurityFilter(rig.security, rig.audit, null);
        assertEquals(503, send(snapshot().header("Authorization", "Bearer " + SecurityRig.TECHNICIAN_TOKEN)).getStatus());
        assertNull(passed);
    }

    @Test
    void theCookieIsHttpOnlyStrictAndSecureOnHttps() {
        FakeResponse plain = new FakeResponse();
        SessionCookie.set(plain, "abc", false);
        assertEquals("CE_SESSION=abc; Path=/; HttpOnly; SameSite=Strict", plain.getHeader("Set-Cookie"));
        FakeResponse tls = new FakeResponse();
        SessionCookie.set(tls, "abc", true);
        assertTrue(tls.getHeader("Set-Cookie").endsWith("; Secure"));
        assertFalse(plain.getHeader("Set-Cookie").contains("Secure"));
    }

    private static void assertRecord(AuditRecord r, String actor, String origin, String target, String outcome,
            String detail) {
        assertEquals(actor, r.actor(), r.toString());
        assertEquals(origin, r.origin(), r.toString());
        assertEquals("http.post", r.action(), r.toString());
        assertEquals(target, r.target(), r.toString());
        assertEquals(outcome, r.outcome(), r.toString());
        assertEquals(detail, r.detail(), r.toString());
    }
}
