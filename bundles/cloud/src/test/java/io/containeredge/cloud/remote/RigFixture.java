package io.containeredge.cloud.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that each start with a fresh {@link Rig}, its ledger in a temporary directory of its own. */
abstract class RigFixture {

    Rig rig;

    @BeforeEach
    void openRig(@TempDir Path dir) {
        rig = new Rig(dir);
    }

    @AfterEach
    void closeRig() {
        rig.close();
    }

    /** The request was rejected for {@code why}, audited as such, and reached nothing in the controller. */
    void assertRejected(JsonNode reply, String why) {
        assertEquals("rejected", reply.get("status").asText(), reply.toString());
        assertTrue(reply.get("reason").asText().contains(why), reply.toString());
        assertTrue(rig.control.calls().isEmpty(), "controller touched: " + rig.control.calls());
        assertEquals("rejected", rig.audit.last().outcome());
        assertTrue(rig.audit.last().detail().contains(why), rig.audit.last().detail());
    }
}
