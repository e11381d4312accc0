package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's security in the running gateway jar, over HTTP on loopback: nothing is served without
 * a session or an API token, the first administrator comes from the setup token in the log (once), a
 * viewer reads but changes nothing, a session change without its CSRF token is refused, five wrong
 * passwords lock the login, and no answer ever carries a password, a hash or a salt. The lockout runs
 * last: it locks this test's address.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSecurityEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "first-admin-password";
    private static final String VIEWER_PASSWORD = "viewer-password-77";
    private static final String TECHNICIAN_PASSWORD = "technician-password-42";
    private static final List<String> READS = List.of("/api/v1/snapshot", "/api/v1/devices", "/api/v1/control",
            "/api/v1/control/alarms", "/api/v1/control/commands", "/console/api/auth/me", "/console/api/auth/users");
    private static final List<String> CHANGES = List.of("/api/v1/control/reset", "/api/v1/control/alarms/ack?id=comm.cdu",
            "/api/v1/control/import-cap", "/console/api/auth/users", "/console/api/auth/users/root/delete",
            "/console/api/auth/logout");

    @TempDir
    static Path work;
    static RunningContainer container;
    static Path data;
    /** Every answer the gateway gave in this test, searched for secrets at the end. */
    static final List<String> BODIES = new ArrayList<>();
    static Client admin;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createDirectories(work.resolve("data"));
        container = RunningContainer.start(work, site -> site, 0, "--data", data.toString());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (container != null) {
            container.close();
        }
    }

    @Test
    @Order(1)
    void everyEndpointIsRefusedWithoutASessionOrAToken() throws Exception {
        Client nobody = new Client();
        Client forged = new Client();
        forged.session = "forged-session-id";
        for (Client c : List.of(nobody, forged)) {
            for (String path : READS) {
                assertEquals(401, c.send("GET", path, null, Map.of()).statusCode(), "GET " + path);
            }
            for (String path : CHANGES) {
                assertEquals(401, c.send("POST", path, "{}", Map.of()).statusCode(), "POST " + path);
            }
        }
        HttpResponse<String> badToken = nobody.send("GET", "/api/v1/snapshot", null,
                Map.of("Authorization", "Bearer " + TestApiTokens.TECHNICIAN + "x"));
        assertEquals(401, badToken.statusCode());
        HttpResponse<String> refused = nobody.send("GET", "/api/v1/control", null, Map.of());
        assertEquals("default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'",
                refused.headers().firstValue("Content-Security-Policy").orElse(null));
        assertEquals("nosniff", refused.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("DENY", refused.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals("no-referrer", refused.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("no-store", refused.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    @Order(2)
    void setupWithTheTokenFromTheLogCreatesTheAdministratorOnce() throws Exception {
        Matcher m = container.gateway().await("WARN.*console setup token: (\\S+)", Duration.ofSeconds(10));
        String token = m.group(1);
        Client c = new Client();
        assertEquals(403, c.post("/console/api/auth/setup", Map.of("token", token + "x", "name", "root",
                "password", ADMIN_PASSWORD)).statusCode());
        HttpResponse<String> setup = c.post("/console/api/auth/setup", Map.of("token", token, "name", "root",
                "password", ADMIN_PASSWORD));
        assertEquals(200, setup.statusCode(), setup.body());
        String cookie = setup.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        assertEquals("admin", JSON.readTree(setup.body()).get("role").asText());
        admin = c;
        assertEquals("root", JSON.readTree(admin.get("/console/api/auth/me").body()).get("name").asText());

        HttpResponse<String> again = new Client().post("/console/api/auth/setup", Map.of("token", token, "name", "eve",
                "password", ADMIN_PASSWORD));
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(Files.exists(data.resolve("console-users.json")));
    }

    @Test
    @Order(3)
    void aViewerCreatedByTheAdministratorReadsButCannotChangeAnything() throws Exception {
        assertEquals(201, admin.post("/console/api/auth/users",
                Map.of("name", "watcher", "role", "viewer", "password", VIEWER_PASSWORD)).statusCode());
        Client viewer = Client.login("watcher", VIEWER_PASSWORD);
        for (String path : List.of("/api/v1/snapshot", "/api/v1/devices", "/api/v1/control/alarms",
                "/api/v1/control/commands", "/console/api/auth/me")) {
            assertEquals(200, viewer.get(path).statusCode(), "GET " + path);
        }
        for (String path : CHANGES.subList(0, CHANGES.size() - 1)) {
            HttpResponse<String> r = viewer.post(path, Map.of("name", "x", "role", "admin", "password", VIEWER_PASSWORD));
            assertEquals(403, r.statusCode(), "POST " + path + ": " + r.body());
        }
        assertEquals(403, viewer.get("/console/api/auth/users").statusCode());
        assertEquals(2, JSON.readTree(admin.get("/console/api/auth/users").body()).get("users").size(),
                "the viewer created no user");
        assertEquals(200, viewer.post("/console/api/auth/logout", Map.of()).statusCode());
        assertEquals(401, viewer.get("/api/v1/snapshot").statusCode(), "logged out");
    }

    @Test
    @Order(4)
    void aSessionChangeWithoutItsCsrfTokenOrFromAnotherOriginIsRefused() throws Exception {
        assertEquals(201, admin.post("/console/api/auth/users",
                Map.of("name", "tech", "role", "technician", "password", TECHNICIAN_PASSWORD)).statusCode());
        Client tech = Client.login("tech", TECHNICIAN_PASSWORD);
        String ack = "/api/v1/control/alarms/ack?id=no-such-alarm";
        assertEquals(403, tech.send("POST", ack, null, Map.of()).statusCode(), "no CSRF header");
        assertEquals(403, tech.send("POST", ack, null, Map.of("X-CSRF-Token", admin.csrf)).statusCode(),
                "another session's token");
        assertEquals(403, tech.send("POST", ack, null, Map.of("X-CSRF-Token", tech.csrf,
                "Origin", "http://evil.example")).statusCode(), "another site");
        assertEquals(409, tech.post(ack, Map.of()).statusCode(), "with its token the request reaches the controller");
        assertEquals(403, tech.post("/console/api/auth/users/root/delete", Map.of()).statusCode(), "technician is no admin");
    }

    @Test
    @Order(5)
    void apiTokensActAsTheirRole() throws Exception {
        assertEquals(403, container.api.request("GET", "/console/api/auth/users").statusCode());
        assertEquals(200, container.api.asAdmin().request("GET", "/console/api/auth/users").statusCode());
        assertEquals(409, container.api.request("POST", "/api/v1/control/alarms/ack?id=no-such-alarm").statusCode(),
                "a token needs no CSRF header");
    }

    @Test
    @Order(6)
    void everyChangeAndEveryLoginIsInTheAuditTrail() throws Exception {
        // a change's record is written once it has been answered: the last one may still be on its way
        Eventually.within(Duration.ofSeconds(10), () -> {
            List<JsonNode> audit = new ArrayList<>();
            for (String line : Files.readAllLines(data.resolve("audit.jsonl"))) {
                audit.add(JSON.readTree(line));
            }
            assertTrue(audit.stream().anyMatch(r -> r.toString().contains("console.setup") && r.toString().contains("accepted")),
                    "setup");
            assertTrue(audit.stream().anyMatch(r -> r.toString().contains("console.login") && r.toString().contains("watcher")),
                    "login");
            assertTrue(audit.stream().anyMatch(r -> r.toString().contains("\"watcher\"") && r.toString().contains("http.post")
                    && r.toString().contains("/api/v1/control/reset") && r.toString().contains("\"403\"")), "refused change");
            assertTrue(audit.stream().anyMatch(r -> r.toString().contains("\"e2e-technician\"")
                    && r.toString().contains("api 127.0.0.1")), "token change");
            assertTrue(audit.stream().anyMatch(r -> r.toString().contains("\"root\"")
                    && r.toString().contains("/console/api/auth/users") && r.toString().contains("\"201\"")), "user created");
        });
    }

    @Test
    @Order(7)
    void fiveWrongPasswordsLockTheLoginEvenForTheRightOne() throws Exception {
        HttpResponse<String> wrong = null;
        for (int i = 1; i <= 4; i++) {
            wrong = Client.attempt("tech", "wrong password " + i);
            assertEquals(401, wrong.statusCode());
        }
        HttpResponse<String> unknown = Client.attempt("ghost", "wrong password 5");
        assertEquals(401, unknown.statusCode());
        assertEquals(wrong.body(), unknown.body(), "an unknown name is answered like a wrong password");

        HttpResponse<String> locked = Client.attempt("tech", TECHNICIAN_PASSWORD);
        assertEquals(429, locked.statusCode(), locked.body());
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "Retry-After " + retryAfter);
        HttpResponse<String> lockedUnknown = Client.attempt("ghost", "anything at all");
        assertEquals(429, lockedUnknown.statusCode());
        assertEquals(locked.body().replaceAll("\\d+", "N"), lockedUnknown.body().replaceAll("\\d+", "N"));
        assertTrue(Files.readString(data.resolve("audit.jsonl")).contains("\"locked\""));
    }

    @Test
    @Order(8)
    void noAnswerEverCarriedAPasswordAHashOrASalt() throws Exception {
        JsonNode users = JSON.readTree(data.resolve("console-users.json").toFile());
        List<String> secrets = new ArrayList<>(List.of(ADMIN_PASSWORD, VIEWER_PASSWORD, TECHNICIAN_PASSWORD,
                "\"hash\"", "\"salt\"", "\"iterations\"", "\"password\""));
        for (JsonNode u : users.get("users")) {
            secrets.add(u.get("hash").asText());
            secrets.add(u.get("salt").asText());
        }
        assertTrue(BODIES.size() > 40, "answers collected: " + BODIES.size());
        for (String body : BODIES) {
            for (String secret : secrets) {
                assertFalse(body.contains(secret), "an answer contains " + secret + ": " + body);
            }
        }
        assertFalse(container.gateway().output().contains(ADMIN_PASSWORD), "nor does the log");
    }

    /**
     * A flood of unauthenticated, malformed and failed-login requests writes at most the allowance's burst to
     * {@code audit.jsonl} (this test's address has used part of it above) and then one summary with the
     * count; the real records survive and an authenticated change is still recorded.
     */
    @Test
    @Order(9)
    void aFloodOfBadRequestsWritesAtMostTheBucketAndASummary() throws Exception {
        Path journal = data.resolve("audit.jsonl");
        int before = Files.readAllLines(journal).size();
        Client nobody = new Client();
        for (int i = 0; i < 200; i++) {
            // no body: one refused unread would make the server close the connection the client reuses
            assertEquals(401, nobody.send("POST", "/api/v1/control/reset", null, Map.of()).statusCode());
            assertEquals(401, nobody.send("POST", "/api/v1/control/reset", null,
                    Map.of("Authorization", "Basic bWFsZm9ybWVk")).statusCode());
            assertTrue(Client.attempt("ghost", "flood " + i).statusCode() >= 400);
        }
        int written = Files.readAllLines(journal).size() - before;
        assertTrue(written <= 30, written + " records for 600 bad requests");
        assertEquals(409, container.api.request("POST", "/api/v1/control/alarms/ack?id=no-such-alarm").statusCode());
        Eventually.within(Duration.ofSeconds(75), () -> {
            String text = Files.readString(journal);
            assertTrue(text.contains("audit.unrecorded") && text.contains("not recorded in the last minute from 127.0.0.1"),
                    "the summary of what was not recorded");
        });
        List<String> lines = Files.readAllLines(journal);
        assertTrue(lines.stream().anyMatch(l -> l.contains("console.setup") && l.contains("accepted")), "real records survive");
        assertTrue(lines.stream().anyMatch(l -> l.contains("e2e-technician") && l.contains("no-such-alarm")
                && lines.indexOf(l) >= before + written), "an authenticated change after the flood is recorded");
    }

    /** A browser's view of the console: the session cookie and the CSRF token of its login. */
    static final class Client {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String session;
        String csrf;

        static Client login(String name, String password) throws Exception {
            Client c = new Client();
            HttpResponse<String> r = c.post("/console/api/auth/login", Map.of("name", name, "password", password));
            assertEquals(200, r.statusCode(), r.body());
            assertNotNull(c.session);
            return c;
        }

        static HttpResponse<String> attempt(String name, String password) throws Exception {
            return new Client().post("/console/api/auth/login", Map.of("name", name, "password", password));
        }

        HttpResponse<String> get(String path) throws Exception {
            return send("GET", path, null, Map.of());
        }

        /** A JSON POST with this session's CSRF token, as the console's pages send it. */
        HttpResponse<String> post(String path, Map<String, String> body) throws Exception {
            return send("POST", path, JSON.writeValueAsString(body), csrf == null ? Map.of() : Map.of("X-CSRF-Token", csrf));
        }

        HttpResponse<String> send(String method, String path, String json, Map<String, String> headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + container.api.port() + path))
                    .timeout(Duration.ofSeconds(10))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            if (session != null) {
                b.header("Cookie", "CE_SESSION=" + session);
            }
            headers.forEach(b::header);
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            synchronized (BODIES) {
                BODIES.add(r.body());
            }
            r.headers().firstValue("Set-Cookie").filter(c -> c.startsWith("CE_SESSION=")).ifPresent(c -> {
                String value = c.substring("CE_SESSION=".length(), c.indexOf(';'));
                session = value.isEmpty() ? null : value;
            });
            if (r.statusCode() == 200 && r.body().contains("\"csrfToken\"")) {
                csrf = JSON.readTree(r.body()).get("csrfToken").asText();
            }
            return r;
        }
    }
}
