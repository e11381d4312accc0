package io.containeredge.coordinator.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.coordinator.SiteView;
import io.containeredge.coordinator.SiteView.ContainerRow;
import io.containeredge.coordinator.limits.PoiLimit;
import io.containeredge.coordinator.limits.SiteLimit;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard over real HTTPS, with a client that trusts exactly the certificate the dashboard made. */
class SiteDashboardTest {

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicBoolean ACTIVE = new AtomicBoolean(true);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static SiteDashboard dashboard;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        Path users = dir.resolve("users.json");
        BufferedReader input = new BufferedReader(new StringReader(PASSWORD + "\n" + PASSWORD + "\n"));
        assertEquals(0, DashboardUserSetup.addUser(users, "operator", DashboardUserSetup.lines(input),
                new PrintStream(java.io.OutputStream.nullOutputStream()), 1000));
        dashboard = start(users);
        client = pinnedClient(dashboard);
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    @Test
    void asksForALoginFirst() throws Exception {
        HttpResponse<String> api = get("/api/site", null);
        assertEquals(401, api.statusCode());
        HttpResponse<String> page = get("/", null);
        assertEquals(303, page.statusCode());
        assertEquals("/login", page.headers().firstValue("Location").orElseThrow());
        assertEquals(200, get("/login", null).statusCode());
    }

    @Test
    void aLoginGivesAStrictSessionCookieAndTheSiteAsJson() throws Exception {
        HttpResponse<String> login = login(client, "operator", PASSWORD);
        assertEquals(303, login.statusCode());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        for (String attribute : List.of("HttpOnly", "Secure", "SameSite=Strict")) {
            assertTrue(setCookie.contains(attribute), setCookie);
        }
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> answer = get("/api/site", cookie);
        assertEquals(200, answer.statusCode());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow());
        JsonNode site = JSON.readTree(answer.body());
        assertEquals("demo-site", site.get("site").asText());
        assertEquals("a", site.get("leaderId").asText());
        assertEquals(List.of("a", "b"), List.of(site.get("participants").get(0).asText(),
                site.get("participants").get(1).asText()));
        assertEquals(1750.0, site.get("availableKw").asDouble(), "under the site limit in force, not the cap");
        assertEquals(1800.0, site.get("poiLimitKw").asDouble());
        assertEquals("site limit peak-1: POI import 1800 kW", site.get("limitReason").asText());
        JsonNode peak = site.get("siteLimits").get(0);
        assertEquals("peak-1", peak.get("id").asText());
        assertTrue(peak.get("inForce").asBoolean());
        assertEquals("4CP alert", peak.get("reason").asText());
        assertEquals(1234.5, site.get("importKw").asDouble());
        JsonNode leased = site.get("containers").get(0);
        assertEquals("c-01", leased.get("id").asText());
        assertEquals(800.0, leased.get("budgetKw").asDouble());
        assertEquals(20_000, leased.get("leaseRemainingMillis").asLong());
        assertEquals(0.041, leased.get("topValuePerKw").asDouble());
        assertEquals(770.0, leased.get("committedKw").asDouble());
        JsonNode unknown = site.get("containers").get(1);
        assertTrue(unknown.get("budgetKw").isNull(), "an unknown figure is null, not NaN: " + unknown);
        assertTrue(unknown.get("leaseRemainingMillis").isNull());

        assertTrue(get("/", cookie).body().contains("/dashboard.js"));
        assertTrue(get("/dashboard.js", cookie).body().contains("/api/site"));
        assertEquals(303, post(client, "/logout", "", cookie).statusCode());
        assertEquals(401, get("/api/site", cookie).statusCode(), "the session ended at logout");
    }

    @Test
    void aStandbyAnswers503NamingTheLeader() throws Exception {
        ACTIVE.set(false);
        try {
            HttpResponse<String> answer = get("/api/site", null);
            assertEquals(503, answer.statusCode());
            assertTrue(answer.body().endsWith("served by the active one: a"), answer.body());
            assertEquals("a", answer.headers().firstValue("X-Site-Leader").orElseThrow());
            assertEquals(503, login(client, "operator", PASSWORD).statusCode());
        } finally {
            ACTIVE.set(true);
        }
    }

    @Test
    void wrongPasswordsAreThrottledEvenBeforeTheRightOne() throws Exception {
        // its own instance: the lock is per client address too, and would shut the other tests out
        try (SiteDashboard own = start(dir.resolve("users.json"))) {
            HttpClient ownClient = pinnedClient(own);
            for (int i = 0; i < LoginLimiter.FREE; i++) {
                assertEquals(401, login(ownClient, own, "operator", "not the password").statusCode());
            }
            HttpResponse<String> locked = login(ownClient, own, "operator", PASSWORD);
            assertEquals(429, locked.statusCode());
            assertEquals("30", locked.headers().firstValue("Retry-After").orElseThrow());
        }
    }

    @Test
    void aClientWithoutThePinnedCertificateIsRefusedAndARestartKeepsTheCertificate() throws Exception {
        HttpClient ordinary = HttpClient.newHttpClient();
        assertThrows(SSLHandshakeException.class, () -> ordinary.send(
                HttpRequest.newBuilder(uri(dashboard, "/login")).build(), HttpResponse.BodyHandlers.ofString()));
        try (SiteDashboard again = start(dir.resolve("users.json"))) {
            assertEquals(dashboard.certificate(), again.certificate());
        }
    }

    private static SiteDashboard start(Path users) throws Exception {
        return SiteDashboard.start(new DashboardSettings(0, users, dir.resolve("tls")), SiteDashboardTest::view,
                ACTIVE::get);
    }

    private static SiteView view() {
        long now = 1_800_000_000_000L;
        SiteLimit peak = new SiteLimit("peak-1", 1800, now - 60_000, now + 3_600_000, "4CP alert", "cli:ops",
                now - 120_000);
        PoiLimit limit = new PoiLimit(1800, 1750, 0.9, "peak-1", "site limit peak-1: POI import 1800 kW");
        return new SiteView("demo-site", now, "a", ACTIVE.get(), "a", 3, List.of("a", "b"), 2000, limit, List.of(peak),
                50, 1234.5, List.of(
                new ContainerRow("c-01", 900, 800, now + 20_000, 1500, "LEASED", 780, 770, 1100, 180, 620, 0.041,
                        "firm 180 kW + 620 kW at >= 0.041 USD/h per kW"),
                new ContainerRow("c-02", 900, Double.NaN, 0, -1, "UNKNOWN", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, "no report yet")));
    }

    private static HttpClient pinnedClient(SiteDashboard server) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("dashboard", server.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static URI uri(SiteDashboard server, String path) {
        return URI.create("https://127.0.0.1:" + server.port() + path);
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(dashboard, path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> login(HttpClient with, String name, String password) throws Exception {
        return login(with, dashboard, name, password);
    }

    private static HttpResponse<String> login(HttpClient with, SiteDashboard server, String name, String password)
            throws Exception {
        String form = "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return with.send(HttpRequest.newBuilder(uri(server, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient with, String path, String body, String cookie)
            throws Exception {
        return with.send(HttpRequest.newBuilder(uri(dashboard, path)).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
