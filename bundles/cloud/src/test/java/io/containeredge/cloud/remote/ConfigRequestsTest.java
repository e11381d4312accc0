package io.containeredge.cloud.remote;

import static io.containeredge.cloud.remote.Signer.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The config topic, through the versioned site configurations. */
class ConfigRequestsTest extends RigFixture {

    @Test
    void applyWithTheSiteAsAnObjectAndAProfileAsYamlStoresTheTextsAndAnswersTheNewVersion() throws Exception {
        ObjectNode p = params();
        p.putObject("site").put("site", "demo-site").put("container", "c-01");
        p.putObject("profiles").put("acme-meter", "id: acme-meter\npoints: []\n");

        JsonNode reply = rig.config("cfg-1", "config.apply", p);

        assertEquals("accepted", reply.get("status").asText(), reply.toString());
        assertEquals(2, reply.at("/result/version/version").asInt());
        assertEquals("mqtt:ops/cfg-1", reply.at("/result/version/source").asText());
        assertEquals("{\"site\":\"demo-site\",\"container\":\"c-01\"}", rig.configurations.documents.get(1).site());
        assertEquals("id: acme-meter\npoints: []\n", rig.configurations.documents.get(1).profiles().get("acme-meter"));
        assertEquals("config.apply", rig.audit.last().action());
    }

    @Test
    void anInvalidConfigurationIsRejectedWithEveryError() throws Exception {
        JsonNode reply = rig.config("cfg-2", "config.apply", params().put("site", "container: c-01\n"));

        assertEquals("rejected", reply.get("status").asText());
        assertEquals("configuration refused: 2 error(s)", reply.get("reason").asText());
        JsonNode errors = reply.at("/result/errors");
        assertEquals(2, errors.size());
        assertEquals("site", errors.get(0).get("file").asText());
        assertEquals("$.site", errors.get(0).get("path").asText());
        assertEquals("required property missing", errors.get(0).get("reason").asText());
        assertEquals("$.devices[0].unitId", errors.get(1).get("path").asText());
        assertEquals(1, rig.configurations.versions.size(), "nothing stored");
    }

    @Test
    void aSiteThatIsNeitherObjectNorTextIsRejected() throws Exception {
        JsonNode reply = rig.config("cfg-3", "config.apply", params().put("site", 42));

        assertEquals("rejected", reply.get("status").asText());
        assertTrue(reply.get("reason").asText().contains("params.site"), reply.toString());
    }

    @Test
    void getAnswersTheDocumentsAndTheVersionRunningOrAsked() throws Exception {
        rig.config("cfg-4", "config.apply", params().put("site", "site: b\n"));

        JsonNode running = rig.config("cfg-5", "config.get", null);
        JsonNode first = rig.config("cfg-6", "config.get", params().put("version", 1));
        JsonNode missing = rig.config("cfg-7", "config.get", params().put("version", 9));

        assertEquals("site: b\n", running.at("/result/documents/site").asText());
        assertEquals(2, running.at("/result/version/version").asInt());
        assertEquals("site: demo-site\n", first.at("/result/documents/site").asText());
        assertEquals("rejected", missing.get("status").asText());
        assertEquals("no version 9", missing.get("reason").asText());
    }

    @Test
    void historyListsEveryVersionNewestFirst() throws Exception {
        rig.config("cfg-8", "config.apply", params().put("site", "site: b\n"));

        JsonNode versions = rig.config("cfg-9", "config.history", null).at("/result/versions");

        assertEquals(2, versions.size());
        assertEquals(2, versions.get(0).get("version").asInt());
        assertEquals("ON_TRIAL", versions.get(0).get("state").asText());
    }

    @Test
    void rollbackAppliesAnEarlierVersionAsANewOne() throws Exception {
        rig.config("cfg-10", "config.apply", params().put("site", "site: b\n"));

        JsonNode reply = rig.config("cfg-11", "config.rollback", params().put("version", 1));

        assertEquals(3, reply.at("/result/version/version").asInt());
        assertEquals("site: demo-site\n", rig.configurations.documents.get(2).site());
        assertEquals("version 1", rig.audit.last().target());
    }
}
