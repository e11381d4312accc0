package io.containeredge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.testing.RecordingControlService;
import io.containeredge.http.testing.FakeGuard;
import io.containeredge.http.testing.FakeRequest;
import io.containeredge.http.testing.FakeResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/control/import-cap}, the one import-cap resource (the API's clients and the console's
 * overrides page): {@code POST {"kw", "minutes"}} sets it, where a body that cannot be read is a 400
 * naming the field, a cap the controller refuses a 422 with its reason, and nothing reaches the
 * controller either way; {@code DELETE} lifts it and says whether an override was in force.
 */
class ImportCapEndpointTest {

    private final RecordingControlService control = RecordingControlService.forSite(2200).build();
    private final ControlServlet servlet = new ControlServlet(control, FakeGuard.ADMITS_ALL);

    private FakeResponse post(String json) throws IOException {
        return send(new FakeRequest("POST", "/api/v1/control", "/import-cap").remoteUser("tom").json(json));
    }

    private FakeResponse lift() throws IOException {
        return send(new FakeRequest("DELETE", "/api/v1/control", "/import-cap").remoteUser("tom"));
    }

    private FakeResponse send(FakeRequest req) throws IOException {
        FakeResponse resp = new FakeResponse();
        servlet.service(req, resp);
        return resp;
    }

    @Test
    void aCapIsHandedToTheControllerAsTheCallerAndAnsweredWithItsExpiry() throws IOException {
        long before = System.currentTimeMillis();
        FakeResponse resp = post("{\"kw\":1200.5,\"minutes\":60}");
        assertEquals(200, resp.getStatus(), resp.body());
        assertEquals(List.of("overrideImportCap 1200.5 PT1H tom@10.0.0.5"), control.calls());
        assertEquals(1200.5, resp.json().get("importCapKw").asDouble());
        assertEquals(60, resp.json().get("minutes").asLong());
        assertTrue(resp.json().get("untilMillis").asLong() >= before + 3_600_000, resp.body());
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsCalled() throws IOException {
        Map<String, String> cases = Map.of(
                "{\"kw\":1000}", "'minutes' is required",
                "{\"kw\":1000,\"minutes\":10.5}", "a whole number",
                "{\"kw\":\"1000\",\"minutes\":10}", "'kw'",
                "{\"kw\":null,\"minutes\":5}", "'kw'",
                "{\"kw\":true,\"minutes\":5}", "'kw'",
                "{\"kw\":1000,\"minutes\":10,\"minute\":5}", "unknown field(s) [minute]",
                "[1,2]", "must be a JSON object",
                "{\"kw\":", "not valid JSON");
        assertEachRefused(400, cases);
    }

    @Test
    void whatTheControllerRefusesIsA422WithItsReason() throws IOException {
        Map<String, String> cases = Map.of(
                "{\"kw\":5000,\"minutes\":10}", "at most the site's 2200.0 kW",
                "{\"kw\":-5,\"minutes\":10}", "must be above 0",
                "{\"kw\":0,\"minutes\":5}", "must be above 0",
                "{\"kw\":1000,\"minutes\":1441}", "between 1 minute and 24 hours",
                "{\"kw\":1000,\"minutes\":0}", "between 1 minute and 24 hours");
        assertEachRefused(422, cases);
    }

    /** Each body of {@code cases} is answered {@code status} with an error containing its value; none reaches the controller. */
    private void assertEachRefused(int status, Map<String, String> cases) throws IOException {
        for (Map.Entry<String, String> c : cases.entrySet()) {
            FakeResponse resp = post(c.getKey());
            assertEquals(status, resp.getStatus(), c.getKey());
            assertTrue(resp.body().contains(c.getValue()), c.getKey() + " -> " + resp.body());
        }
        assertEquals(List.of(), control.calls());
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() throws IOException {
        String padding = "x".repeat(64 * 1024);
        assertEquals(413, post("{\"kw\":100,\"minutes\":30,\"pad\":\"" + padding + "\"}").getStatus());
        assertEquals(List.of(), control.calls());
    }

    @Test
    void aFormPostIsNotJson() throws IOException {
        FakeResponse resp = send(new FakeRequest("POST", "/api/v1/control", "/import-cap").remoteUser("tom")
                .body("application/x-www-form-urlencoded", "kw=1&minutes=10"));
        assertEquals(415, resp.getStatus());
        assertEquals(List.of(), control.calls());
    }

    @Test
    void liftingAnOverrideInForceSaysSoAndThatSafetyLimitsStay() throws IOException {
        assertEquals(200, post("{\"kw\":1200.5,\"minutes\":60}").getStatus());
        FakeResponse lift = lift();
        assertEquals(200, lift.getStatus(), lift.body());
        assertTrue(lift.json().get("lifted").asBoolean(), lift.body());
        assertTrue(lift.body().contains("thermal trip"), lift.body());
        assertEquals(List.of("overrideImportCap 1200.5 PT1H tom@10.0.0.5", "liftImportCap tom@10.0.0.5"),
                control.calls());
    }

    /** As the console's former {@code POST /api/v1/overrides/resume}: no override is no error, so a retry is harmless. */
    @Test
    void liftingWhenNoneIsInForceIsAnsweredNotLifted() throws IOException {
        control.overrideImportCap(1000, Duration.ofMinutes(5), "tom@10.0.0.5");
        assertTrue(lift().json().get("lifted").asBoolean());
        FakeResponse again = lift();
        assertEquals(200, again.getStatus(), again.body());
        assertFalse(again.json().get("lifted").asBoolean(), again.body());
    }

    @Test
    void liftingTakesNoParameters() throws IOException {
        FakeResponse resp = send(new FakeRequest("DELETE", "/api/v1/control", "/import-cap").remoteUser("tom")
                .json("{\"force\":true}"));
        assertEquals(400, resp.getStatus());
        assertTrue(resp.body().contains("unknown field"), resp.body());
        assertEquals(List.of(), control.calls());
        assertEquals(200, send(new FakeRequest("DELETE", "/api/v1/control", "/import-cap").remoteUser("tom")
                .json("{}")).getStatus());
    }

    @Test
    void onlyTheImportCapIsDeletedAndTheMethodsSaySo() throws IOException {
        assertEquals(404, send(new FakeRequest("DELETE", "/api/v1/control", "/reset").remoteUser("tom")).getStatus());
        FakeResponse put = send(new FakeRequest("PUT", "/api/v1/control", "/import-cap").remoteUser("tom").json("{}"));
        assertEquals(405, put.getStatus());
        assertEquals("GET, HEAD, POST, DELETE", put.getHeader("Allow"));
        assertEquals(List.of(), control.calls());
    }
}
