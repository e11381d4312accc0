package io.containeredge.cloud.remote;

import static io.containeredge.cloud.remote.Signer.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.gateway.api.AuditRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signed text names the container a request is for, and a key signs only the actions of its scopes:
 * a validly signed request for another container, or outside its key's scopes, is refused, audited under
 * its key, and changes nothing. The rig is container c-01 of demo-site.
 */
class TargetAndScopeTest {

    /** The ops secret limited to two actions, as cloud.properties lists it (split at its commas). */
    static final String[] OPS_SCOPED = {Signer.OPS + ":curtail", "ack-alarm"};

    @TempDir
    Path dir;
    Rig rig;

    @AfterEach
    void close() {
        rig.close();
    }

    private JsonNode send(String topic, String body) throws Exception {
        rig.requests.handle(topic, Signer.signed(body));
        return rig.lastReply();
    }

    private static ObjectNode curtail() {
        return params().put("kw", 1500).put("minutes", 30);
    }

    private void assertRefusedAndAudited(JsonNode reply, String why, String action) {
        assertEquals("rejected", reply.get("status").asText(), reply.toString());
        assertTrue(reply.get("reason").asText().contains(why), reply.toString());
        assertTrue(rig.control.calls().isEmpty(), "controller touched: " + rig.control.calls());
        AuditRecord a = rig.audit.last();
        assertEquals("ops", a.actor(), "audited under the key that signed it");
        assertEquals(action, a.action());
        assertEquals("rejected", a.outcome());
        assertTrue(a.detail().contains(why), a.detail());
    }

    @Test
    void aCommandSignedForAnotherContainerIsRefusedEvenWithAValidSignature() throws Exception {
        rig = new Rig(dir);
        JsonNode reply = send(Rig.COMMAND, Signer.body("x-1", Rig.T0 + 600_000, "demo-site", "c-02", "curtail", curtail()));
        assertRefusedAndAudited(reply, "signed for container c-02 of site demo-site, this is c-01 of demo-site",
                "command.curtail");

        reply = send(Rig.COMMAND, Signer.body("x-2", Rig.T0 + 600_000, "other-site", "c-01", "curtail", curtail()));
        assertRefusedAndAudited(reply, "of site other-site", "command.curtail");
    }

    @Test
    void aBodyThatNamesNoTargetIsRefused() throws Exception {
        rig = new Rig(dir);
        String untargeted = "{\"id\":\"x-3\",\"expires\":" + (Rig.T0 + 600_000)
                + ",\"action\":\"curtail\",\"params\":{\"kw\":1500,\"minutes\":30}}";
        JsonNode reply = send(Rig.COMMAND, untargeted);
        assertEquals("rejected", reply.get("status").asText(), reply.toString());
        assertTrue(reply.get("reason").asText().contains("site and container missing"), reply.toString());
        assertTrue(rig.control.calls().isEmpty());
    }

    @Test
    void aScopedKeyIsRefusedOutsideItsScopesAndAcceptedInside() throws Exception {
        rig = new Rig(dir, OPS_SCOPED);
        assertRefusedAndAudited(send(Rig.CONFIG, Signer.body("s-1", Rig.T0 + 600_000, "config.apply",
                params().put("site", "site: b\n"))), "key ops may not config.apply (its scopes: ack-alarm,curtail)",
                "config.apply");
        assertTrue(rig.configurations.documents.size() <= 1, "no configuration applied");
        assertRefusedAndAudited(send(Rig.COMMAND, Signer.body("s-2", Rig.T0 + 600_000, "reset-trip", null)),
                "key ops may not reset-trip", "command.reset-trip");

        JsonNode ok = send(Rig.COMMAND, Signer.body("s-3", Rig.T0 + 600_000, "curtail", curtail()));
        assertEquals("accepted", ok.get("status").asText(), ok.toString());
        assertEquals(1, rig.control.calls().size());
    }

    @Test
    void configStarAllowsEveryConfigActionAndNothingElse() throws Exception {
        rig = new Rig(dir, Signer.OPS + ":config.*");
        JsonNode history = send(Rig.CONFIG, Signer.body("c-1", Rig.T0 + 600_000, "config.history", null));
        assertEquals("accepted", history.get("status").asText(), history.toString());
        assertRefusedAndAudited(send(Rig.COMMAND, Signer.body("c-2", Rig.T0 + 600_000, "curtail", curtail())),
                "may not curtail", "command.curtail");
    }
}
