package io.containeredge.simulator.openadr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import io.containeredge.site.api.OpenAdrSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated VTN as a VEN sees it over http: tokens, programs, events, vens, reports, outages. */
class VtnTest {

    private static final long NOW = 1_780_000_000_000L;
    private final AtomicLong clock = new AtomicLong(NOW);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Vtn vtn;

    @BeforeEach
    void start() throws IOException {
        vtn = Vtn.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/openadr3/3.0.1", "ven-c01",
                "s3cret", Duration.ofMinutes(30), clock::get);
    }

    @AfterEach
    void stop() {
        vtn.close();
    }

    private HttpResponse<String> token(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(vtn.tokenUrl()).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String bearer() throws Exception {
        HttpResponse<String> r = token("grant_type=client_credentials&client_id=ven-c01&client_secret=s3cret");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode t = json.readTree(r.body());
        assertEquals("Bearer", t.get("token_type").asText());
        assertEquals(1800, t.get("expires_in").asLong());
        return t.get("access_token").asText();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(vtn.url() + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(vtn.url() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWrongSecretGetsNoToken() throws Exception {
        HttpResponse<String> r = token("grant_type=client_credentials&client_id=ven-c01&client_secret=guess");
        assertEquals(400, r.statusCode());
        assertEquals("invalid_client", json.readTree(r.body()).get("error").asText());
        assertEquals(0, vtn.tokensIssued());
    }

    @Test
    void withoutAValidTokenNothingIsServed() throws Exception {
        assertEquals(401, get("/events", "made-up").statusCode());
        String t = bearer();
        assertEquals(200, get("/events", t).statusCode());
        clock.addAndGet(Duration.ofMinutes(30).toMillis());
        assertEquals(401, get("/events", t).statusCode(), "expired at the end of its lifetime");
        String fresh = bearer();
        vtn.expireTokens();
        assertEquals(401, get("/events", fresh).statusCode(), "expired by the test");
    }

    @Test
    void eventsArePublishedListedByProgramAndCancelled() throws Exception {
        String program = vtn.program("ercot-ers");
        assertEquals(program, vtn.program("ercot-ers"), "one program per name");
        String other = vtn.program("cp-alerts");
        Instant start = Instant.ofEpochMilli(NOW).plusSeconds(600);
        String id = vtn.publish(VtnEvents.importLimit(program, "ers", 600, start, Duration.ofMinutes(30)));
        vtn.publish(VtnEvents.importLimit(other, "cp", 900, start, Duration.ofMinutes(30)));
        String t = bearer();
        JsonNode programs = json.readTree(get("/programs", t).body());
        assertEquals(List.of("ercot-ers", "cp-alerts"), programs.findValuesAsText("programName"));
        JsonNode events = json.readTree(get("/events?programID=" + program, t).body());
        assertEquals(1, events.size());
        JsonNode e = events.get(0);
        assertEquals(id, e.get("id").asText());
        assertEquals("EVENT", e.get("objectType").asText());
        assertEquals(start.toString(), e.at("/intervalPeriod/start").asText());
        assertEquals("PT30M", e.at("/intervalPeriod/duration").asText());
        assertEquals("IMPORT_CAPACITY_LIMIT", e.at("/intervals/0/payloads/0/type").asText());
        assertEquals(600.0, e.at("/intervals/0/payloads/0/values/0").asDouble());
        assertEquals("KW", e.at("/payloadDescriptors/0/units").asText());
        assertEquals(1, json.readTree(get("/events?skip=1", t).body()).size(), "pages");
        assertTrue(vtn.cancel(id));
        assertEquals(0, json.readTree(get("/events?programID=" + program, t).body()).size());
    }

    @Test
    void aVenRegistersOnceByName() throws Exception {
        String t = bearer();
        assertEquals(201, post("/vens", t, "{\"venName\":\"c-01\"}").statusCode());
        assertEquals(409, post("/vens", t, "{\"venName\":\"c-01\"}").statusCode());
        JsonNode found = json.readTree(get("/vens?venName=c-01", t).body());
        assertEquals(1, found.size());
        assertEquals("ven-1", found.get(0).get("id").asText());
        assertEquals(0, json.readTree(get("/vens?venName=c-02", t).body()).size());
    }

    @Test
    void reportsAreKeptForTheTest() throws Exception {
        String t = bearer();
        assertEquals(400, post("/reports", t, "{\"clientName\":\"c-01\"}").statusCode(), "a report needs an event");
        assertEquals(400, post("/reports", t, "{not json").statusCode());
        assertEquals(201, post("/reports", t, "{\"eventID\":\"event-1\",\"programID\":\"program-1\","
                + "\"clientName\":\"c-01\",\"resources\":[]}").statusCode());
        assertEquals(1, vtn.reports().size());
        assertEquals("c-01", vtn.reports().get(0).get("clientName").asText());
    }

    @Test
    void aStoppedVtnRefusesConnectionsAndComesBackOnItsPortWithItsEvents() throws Exception {
        int port = vtn.port();
        vtn.publish(VtnEvents.importLimit(vtn.program("p"), "e", 600, Instant.ofEpochMilli(NOW), Duration.ofHours(1)));
        vtn.stop();
        assertThrows(ConnectException.class, () -> bearer());
        vtn.resume();
        assertEquals(port, vtn.port());
        assertEquals(1, json.readTree(get("/events", bearer()).body()).size());
    }

    @Test
    void theDemoEndpointPublishesAnImportLimitStartingInAMinute() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(vtn.url() + "/sim/adr-event?kw=450"
                + "&minutes=15")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers
                .ofString());
        assertEquals(201, r.statusCode(), r.body());
        JsonNode e = vtn.events().get(0);
        assertEquals(Instant.ofEpochMilli(NOW).plusSeconds(60).toString(), e.at("/intervalPeriod/start").asText());
        assertEquals("PT15M", e.at("/intervalPeriod/duration").asText());
        assertEquals(450.0, e.at("/intervals/0/payloads/0/values/0").asDouble());
    }

    @Test
    void theCredentialsFileTheSiteNamesIsWritten(@TempDir Path data) throws Exception {
        vtn.writeSiteFiles(new OpenAdrSettings(vtn.url(), vtn.tokenUrl(), "c-01", "openadr-credentials.txt",
                List.of(), Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(1), ""), data);
        assertEquals("ven-c01:s3cret\n", Files.readString(data.resolve("openadr-credentials.txt")));
    }
}
