package io.containeredge.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.gateway.api.AuditRecord;
import io.containeredge.http.testing.FakeRequest;
import io.containeredge.http.testing.FakeResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthServletTest {

    @TempDir
    Path dir;

    private static FakeRequest post(String action, String json) {
        return new FakeRequest("POST", "/console/api/auth", action).json(json);
    }

    private static FakeRequest login(String name, String password) {
        return post("/login", "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}");
    }

    private static String sessionId(FakeResponse resp) {
        String cookie = resp.getHeader("Set-Cookie");
        return cookie.substring(SessionCookie.NAME.length() + 1, cookie.indexOf(';'));
    }

    private ConsoleEndpoint endpoint(SecurityRig rig) {
        return new ConsoleEndpoint(rig, new AuthServlet(rig.security, rig.audit, rig.anonymousAudit));
    }

    @Test
    void aLoginSetsAStrictHttpOnlyCookieAndAnswersNameRoleAndCsrfTokenOnly() throws Exception {
        SecurityRig rig = new SecurityRig(dir, true);
        FakeResponse resp = endpoint(rig).send(login("tech", SecurityRig.PASSWORD + "tech"));
        assertEquals(200, resp.getStatus(), resp.body());
        String cookie = resp.getHeader("Set-Cookie");
        assertTrue(cookie.startsWith("CE_SESSION=") && cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict")
                && cookie.contains("; Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP: a Secure cookie would never come back");
        JsonNode body = resp.json();
        assertEquals(List.of("name", "role", "csrfToken"), fieldNames(body));
        assertEquals("technician", body.get("role").asText());
        assertEquals(rig.security.session(sessionId(resp)).orElseThrow().csrfToken(), body.get("csrfToken").asText());
        AuditRecord last = rig.audit.records.get(rig.audit.records.size() - 1);
        assertEquals(List.of("tech", "console 10.0.0.5", "console.login", "accepted"),
                List.of(last.actor(), last.origin(), last.action(), last.outcome()));
        assertEquals(1, rig.audit.records.stream().filter(r -> r.target().equals("/console/api/auth/login")
                || r.action().equals("console.login")).count(), "one login, one record: " + rig.audit.records);
        assertTrue(endpoint(rig).send(login("tech", SecurityRig.PASSWORD + "tech").secure()).getHeader("Set-Cookie")
                .endsWith("; Secure"));
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswer() throws Exception {
        SecurityRig rig = new SecurityRig(dir, true);
        FakeResponse wrong = endpoint(rig).send(login("tech", "not the password"));
        FakeResponse unknown = endpoint(rig).send(login("ghost", "not the password"));
        assertEquals(401, wrong.getStatus());
        assertEquals(wrong.getStatus(), unknown.getStatus());
        assertEquals(wrong.body(), unknown.body());
        assertEquals(null, wrong.getHeader("Set-Cookie"));
        assertTrue(rig.audit.records.stream().anyMatch(r -> r.action().equals("console.login")
                && r.actor().equals("ghost") && r.outcome().equals("rejected")));
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordGets429WithRetryAfter() throws Exception {
        SecurityRig rig = new SecurityRig(dir, true);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, endpoint(rig).send(login("tech", "wrong password " + i)).getStatus());
        }
        FakeResponse locked = endpoint(rig).send(login("tech", SecurityRig.PASSWORD + "tech"));
        assertEquals(429, locked.getStatus());
        assertEquals("30", locked.getHeader("Retry-After"));
        assertTrue(rig.audit.records.stream().anyMatch(r -> r.action().equals("console.login") && r.outcome().equals("locked")));
        rig.now += 30_000;
        // the address is locked too: the technician comes back from another one after the lock
        assertEquals(200, endpoint(rig).send(login("tech", SecurityRig.PASSWORD + "tech")).getStatus());
    }

    @Test
    void aFloodOfFailedLoginsWritesAtMostTheBucketWhileAGoodLoginIsAlwaysRecorded() throws Exception {
        SecurityRig rig = new SecurityRig(dir, true);
        int burst = AnonymousAuditAllowance.Limits.DEFAULT.perAddressBurst();
        for (int i = 0; i < 300; i++) {
            int status = endpoint(rig).send(login("ghost-" + i, "not the password").from("192.0.2.7")).getStatus();
            assertTrue(status == 401 || status == 429, "status " + status);
        }
        assertEquals(burst, rig.audit.records.size(), rig.audit.records.toString());
        assertEquals(200, endpoint(rig).send(login("tech", SecurityRig.PASSWORD + "tech")).getStatus());
        AuditRecord last = rig.audit.records.get(rig.audit.records.size() - 1);
        assertEquals(List.of("tech", "console.login", "accepted"), List.of(last.actor(), last.action(), last.outcome()));
        rig.anonymousAudit.summarise();
        assertTrue(rig.audit.records.get(burst + 1).detail().startsWith((300 - burst) + " unauthenticated requests"),
                rig.audit.records.toString());
    }

    @Test
    void setupWorksOnceWithTheTokenAndLogsTheAdministratorIn() throws Exception {
        SecurityRig rig = new SecurityRig(dir, false);
        String body = "{\"token\":\"%s\",\"name\":\"root\",\"password\":\"" + SecurityRig.PASSWORD + "\"}";
        assertEquals(403, endpoint(rig).send(post("/setup", body.formatted("guessed"))).getStatus());
        assertEquals(422, endpoint(rig).send(post("/setup",
                "{\"token\":\"" + rig.setupToken.reveal() + "\",\"name\":\"root\",\"password\":\"short\"}")).getStatus());
        FakeResponse done = endpoint(rig).send(post("/setup", body.formatted(rig.setupToken.reveal())));
        assertEquals(200, done.getStatus(), done.body());
        assertEquals("admin", done.json().get("role").asText());
        assertTrue(rig.security.session(sessionId(done)).isPresent());
        assertEquals(409, endpoint(rig).send(post("/setup", body.formatted(rig.setupToken.reveal()))).getStatus());
    }

    @Test
    void meTellsWhoIsLoggedInAndLogoutEndsTheSession() throws Exception {
        SecurityRig rig = new SecurityRig(dir, true);
        FakeResponse in = endpoint(rig).send(login("watcher", SecurityRig.PASSWORD + "watcher"));
        String id = sessionId(in);
        String csrf = in.json().get("csrfToken").asText();
        JsonNode me = endpoint(rig).send(new FakeRequest("GET", "/console/api/auth", "/me").cookie(SessionCookie.NAME, id))
                .json();
        assertEquals("watcher", me.get("name").asText());
        assertEquals("viewer", me.get("role").asText());
        assertEquals(csrf, me.get("csrfToken").asText(), "a reloaded page gets its CSRF token back");

        FakeResponse out = endpoint(rig).send(new FakeRequest("POST", "/console/api/auth", "/logout")
                .cookie(SessionCookie.NAME, id).header(CsrfCheck.HEADER, csrf));
        assertEquals(200, out.getStatus());
        assertTrue(out.getHeader("Set-Cookie").contains("Max-Age=0"));
        assertEquals(401, endpoint(rig).send(new FakeRequest("GET", "/console/api/auth", "/me")
                .cookie(SessionCookie.NAME, id)).getStatus());
    }

    @Test
    void aLoginFromABrowserWithASessionGivesANewIdAndEndsTheOldOne() throws Exception {
        SecurityRig rig = new SecurityRig(dir, true);
        String first = sessionId(endpoint(rig).send(login("tech", SecurityRig.PASSWORD + "tech")));
        String second = sessionId(endpoint(rig).send(login("tech", SecurityRig.PASSWORD + "tech")
                .cookie(SessionCookie.NAME, first)));
        assertNotEquals(first, second);
        assertTrue(rig.security.session(first).isEmpty());
        assertTrue(rig.security.session(second).isPresent());
    }

    @Test
    void onlyJsonBodiesOfReasonableSizeAreRead() throws Exception {
        SecurityRig rig = new SecurityRig(dir, true);
        FakeRequest form = new FakeRequest("POST", "/console/api/auth", "/login")
                .header("Content-Type", "application/x-www-form-urlencoded");
        assertEquals(415, endpoint(rig).send(form).getStatus());
        assertEquals(413, endpoint(rig).send(login("tech", "x".repeat(9000))).getStatus());
        assertEquals(400, endpoint(rig).send(post("/login", "[1,2]")).getStatus());
        FakeResponse broken = endpoint(rig).send(post("/login", "{\"name\": \"tech\", \"password\": \"leak"));
        assertEquals(400, broken.getStatus());
        assertFalse(broken.body().contains("leak"), "a parse error may quote the password: " + broken.body());
    }

    @Test
    void anApiTokenIsToldItIsOne() throws Exception {
        SecurityRig rig = new SecurityRig(dir, true);
        JsonNode me = endpoint(rig).send(new FakeRequest("GET", "/console/api/auth", "/me")
                .header("Authorization", "Bearer " + SecurityRig.TECHNICIAN_TOKEN)).json();
        assertEquals("scada", me.get("name").asText());
        assertEquals("token", me.get("via").asText());
        assertFalse(me.has("csrfToken"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
