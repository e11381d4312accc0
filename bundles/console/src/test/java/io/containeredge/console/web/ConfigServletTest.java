package io.containeredge.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.console.security.ConsoleUser;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration endpoints over a fake request, against versions kept in memory. */
class ConfigServletTest {

    private static final String BROKEN_SITE = "{\"site\":\"site: s\\n" + FakeConfigurations.BROKEN + "\\n\"}";
    private static final String GOOD_SITE = "{\"site\":\"site: s\\nwarning: 41\\n\",\"profiles\":{\"my-meter\":\"id: my-meter\\n\"}}";

    private final FakeConfigurations configurations = new FakeConfigurations();
    private final ConfigServlet servlet = new ConfigServlet(configurations);

    private JsonNode call(FakeHttp.Response resp, jakarta.servlet.http.HttpServletRequest req) throws IOException {
        servlet.service(req, resp.proxy());
        return JsonServlet.JSON.readTree(resp.text());
    }

    private JsonNode post(FakeHttp.Response resp, String path, ConsoleUser user, String json) throws IOException {
        return call(resp, FakeHttp.post(path, user, json));
    }

    @Test
    void anyUserSeesTheCurrentVersionItsDocumentsAndTheHistory() throws IOException {
        FakeHttp.Response resp = new FakeHttp.Response();
        JsonNode body = call(resp, FakeHttp.get("", FakeHttp.VIEWER, Map.of()));
        assertEquals(200, resp.status);
        assertEquals(1, body.at("/current/version").asInt());
        assertEquals("site: s\n", body.at("/documents/site").asText());
        assertEquals(1, body.get("history").size());
    }

    @Test
    void validateListsEveryErrorWithFileAndPathAndStoresNothing() throws IOException {
        FakeHttp.Response resp = new FakeHttp.Response();
        JsonNode body = post(resp, "/validate", FakeHttp.ADMIN, BROKEN_SITE);
        assertEquals(200, resp.status);
        assertFalse(body.get("valid").asBoolean());
        assertEquals(2, body.get("errors").size());
        assertEquals("site.yaml", body.at("/errors/0/file").asText());
        assertEquals("$.limits.coolantSupplyTripC", body.at("/errors/0/path").asText());
        assertEquals("trip must be above warning", body.at("/errors/0/reason").asText());
        assertEquals(1, configurations.versions.size());

        JsonNode valid = post(new FakeHttp.Response(), "/validate", FakeHttp.ADMIN, GOOD_SITE);
        assertTrue(valid.get("valid").asBoolean());
        assertEquals(1, configurations.versions.size(), "validating applies nothing");
    }

    @Test
    void anInvalidApplyIs422WithEveryErrorAndChangesNothing() throws IOException {
        FakeHttp.Response resp = new FakeHttp.Response();
        JsonNode body = post(resp, "/apply", FakeHttp.ADMIN, BROKEN_SITE);
        assertEquals(422, resp.status);
        assertEquals(2, body.get("errors").size());
        assertEquals(1, configurations.versions.size());
    }

    @Test
    void aValidApplyBecomesTheNextVersionInTheAdminsName() throws IOException {
        FakeHttp.Response resp = new FakeHttp.Response();
        JsonNode body = post(resp, "/apply", FakeHttp.ADMIN, GOOD_SITE);
        assertEquals(200, resp.status, resp.text());
        assertEquals(2, body.at("/version/version").asInt());
        assertEquals("console:ada", configurations.sources.get(1));
        assertEquals(Map.of("my-meter", "id: my-meter\n"), configurations.documents(2).profiles());
    }

    @Test
    void rollbackToAMissingVersionIs422AndToAnExistingOneANewVersion() throws IOException {
        FakeHttp.Response missing = new FakeHttp.Response();
        post(missing, "/rollback", FakeHttp.ADMIN, "{\"version\":7}");
        assertEquals(422, missing.status);
        FakeHttp.Response ok = new FakeHttp.Response();
        assertEquals(2, post(ok, "/rollback", FakeHttp.ADMIN, "{\"version\":1}").at("/version/version").asInt());
        assertEquals(400, statusOf("/rollback", "{\"version\":\"1\"}"), "a version is a number");
    }

    private int statusOf(String path, String json) throws IOException {
        FakeHttp.Response resp = new FakeHttp.Response();
        post(resp, path, FakeHttp.ADMIN, json);
        return resp.status;
    }

    @Test
    void onlyAnAdminChangesTheConfiguration() throws IOException {
        FakeHttp.Response technician = new FakeHttp.Response();
        post(technician, "/apply", FakeHttp.TECHNICIAN, GOOD_SITE);
        assertEquals(403, technician.status);
        FakeHttp.Response validate = new FakeHttp.Response();
        post(validate, "/validate", FakeHttp.VIEWER, GOOD_SITE);
        assertEquals(403, validate.status);
        assertEquals(1, configurations.versions.size());
    }

    @Test
    void theDocumentsOfAVersionOrA404() throws IOException {
        FakeHttp.Response resp = new FakeHttp.Response();
        assertEquals("site: s\n", call(resp, FakeHttp.get("/documents", FakeHttp.VIEWER, Map.of("version", "1")))
                .get("site").asText());
        FakeHttp.Response missing = new FakeHttp.Response();
        call(missing, FakeHttp.get("/documents", FakeHttp.VIEWER, Map.of("version", "9")));
        assertEquals(404, missing.status);
        FakeHttp.Response bad = new FakeHttp.Response();
        call(bad, FakeHttp.get("/documents", FakeHttp.VIEWER, Map.of("version", "x")));
        assertEquals(400, bad.status);
    }
}
