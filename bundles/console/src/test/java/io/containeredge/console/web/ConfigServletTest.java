package io.containeredge.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.console.security.ConsoleUser;
import io.containeredge.http.testing.FakeRequest;
import io.containeredge.http.testing.FakeResponse;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration endpoints over a fake request, against versions kept in memory. */
class ConfigServletTest {

    private static final String BROKEN_SITE = "{\"site\":\"site: s\\n" + FakeConfigurations.BROKEN + "\\n\"}";
    private static final String GOOD_SITE = "{\"site\":\"site: s\\nwarning: 41\\n\",\"profiles\":{\"my-meter\":\"id: my-meter\\n\"}}";

    private final FakeConfigurations configurations = new FakeConfigurations();
    private final ConfigServlet servlet = new ConfigServlet(configurations);

    private JsonNode call(FakeResponse resp, FakeRequest req) throws IOException {
        servlet.service(req, resp);
        return resp.json();
    }

    private JsonNode post(FakeResponse resp, String path, ConsoleUser user, String json) throws IOException {
        return call(resp, ConsoleRequests.post(path, user, json));
    }

    @Test
    void anyUserSeesTheCurrentVersionItsDocumentsAndTheHistory() throws IOException {
        FakeResponse resp = new FakeResponse();
        JsonNode body = call(resp, ConsoleRequests.get("", ConsoleRequests.VIEWER));
        assertEquals(200, resp.getStatus());
        assertEquals(1, body.at("/current/version").asInt());
        assertEquals("site: s\n", body.at("/documents/site").asText());
        assertEquals(1, body.get("history").size());
    }

    @Test
    void validateListsEveryErrorWithFileAndPathAndStoresNothing() throws IOException {
        FakeResponse resp = new FakeResponse();
        JsonNode body = post(resp, "/validate", ConsoleRequests.ADMIN, BROKEN_SITE);
        assertEquals(200, resp.getStatus());
        assertFalse(body.get("valid").asBoolean());
        assertEquals(2, body.get("errors").size());
        assertEquals("site.yaml", body.at("/errors/0/file").asText());
        assertEquals("$.limits.coolantSupplyTripC", body.at("/errors/0/path").asText());
        assertEquals("trip must be above warning", body.at("/errors/0/reason").asText());
        assertEquals(1, configurations.versions.size());

        JsonNode valid = post(new FakeResponse(), "/validate", ConsoleRequests.ADMIN, GOOD_SITE);
        assertTrue(valid.get("valid").asBoolean());
        assertEquals(1, configurations.versions.size(), "validating applies nothing");
    }

    @Test
    void anInvalidApplyIs422WithEveryErrorAndChangesNothing() throws IOException {
        FakeResponse resp = new FakeResponse();
        JsonNode body = post(resp, "/apply", ConsoleRequests.ADMIN, BROKEN_SITE);
        assertEquals(422, resp.getStatus());
        assertEquals(2, body.get("errors").size());
        assertEquals(1, configurations.versions.size());
    }

    @Test
    void aValidApplyBecomesTheNextVersionInTheAdminsName() throws IOException {
        FakeResponse resp = new FakeResponse();
        JsonNode body = post(resp, "/apply", ConsoleRequests.ADMIN, GOOD_SITE);
        assertEquals(200, resp.getStatus(), resp.body());
        assertEquals(2, body.at("/version/version").asInt());
        assertEquals("console:ada", configurations.sources.get(1));
        assertEquals(Map.of("my-meter", "id: my-meter\n"), configurations.documents(2).profiles());
    }

    @Test
    void rollbackToAMissingVersionIs422AndToAnExistingOneANewVersion() throws IOException {
        FakeResponse missing = new FakeResponse();
        post(missing, "/rollback", ConsoleRequests.ADMIN, "{\"version\":7}");
        assertEquals(422, missing.getStatus());
        FakeResponse ok = new FakeResponse();
        assertEquals(2, post(ok, "/rollback", ConsoleRequests.ADMIN, "{\"version\":1}").at("/version/version").asInt());
        assertEquals(400, statusOf("/rollback", "{\"version\":\"1\"}"), "a version is a number");
    }

    private int statusOf(String path, String json) throws IOException {
        FakeResponse resp = new FakeResponse();
        post(resp, path, ConsoleRequests.ADMIN, json);
        return resp.getStatus();
    }

    @Test
    void onlyAnAdminChangesTheConfiguration() throws IOException {
        FakeResponse technician = new FakeResponse();
        post(technician, "/apply", ConsoleRequests.TECHNICIAN, GOOD_SITE);
        assertEquals(403, technician.getStatus());
        FakeResponse validate = new FakeResponse();
        post(validate, "/validate", ConsoleRequests.VIEWER, GOOD_SITE);
        assertEquals(403, validate.getStatus());
        assertEquals(1, configurations.versions.size());
    }

    @Test
    void theDocumentsOfAVersionOrA404() throws IOException {
        FakeResponse resp = new FakeResponse();
        assertEquals("site: s\n", call(resp, ConsoleRequests.get("/documents", ConsoleRequests.VIEWER).parameter("version", "1"))
                .get("site").asText());
        FakeResponse missing = new FakeResponse();
        call(missing, ConsoleRequests.get("/documents", ConsoleRequests.VIEWER).parameter("version", "9"));
        assertEquals(404, missing.getStatus());
        FakeResponse bad = new FakeResponse();
        call(bad, ConsoleRequests.get("/documents", ConsoleRequests.VIEWER).parameter("version", "x"));
        assertEquals(400, bad.getStatus());
    }
}
