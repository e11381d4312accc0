package io.containeredge.cloud.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.site.api.SiteConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparkplugTopicsTest {

    private final SparkplugTopics topics = new SparkplugTopics("site-a", "c01");

    @Test
    void groupIsSiteAndEdgeNodeIsContainer() {
        SiteConfig site = new SiteConfig("site-a", "c01", "", List.of(), List.of(), null, null, null, null, null);
        SparkplugTopics t = SparkplugTopics.of(site);
        assertEquals("site-a", t.group());
        assertEquals("c01", t.edgeNode());
    }

    @Test
    void nodeAndDeviceTopics() {
        assertEquals("spBv1.0/site-a/NBIRTH/c01", topics.node(MessageType.NBIRTH));
        assertEquals("spBv1.0/site-a/NDEATH/c01", topics.node(MessageType.NDEATH));
        assertEquals("spBv1.0/site-a/NDATA/c01", topics.node(MessageType.NDATA));
        assertEquals("spBv1.0/site-a/NCMD/c01", topics.node(MessageType.NCMD));
        assertEquals("spBv1.0/site-a/DBIRTH/c01/cdu", topics.device(MessageType.DBIRTH, "cdu"));
        assertEquals("spBv1.0/site-a/DDEATH/c01/cdu", topics.device(MessageType.DDEATH, "cdu"));
        assertEquals("spBv1.0/site-a/DDATA/c01/cdu", topics.device(MessageType.DDATA, "cdu"));
        assertEquals("spBv1.0/site-a/DCMD/c01/cdu", topics.device(MessageType.DCMD, "cdu"));
        assertEquals(List.of("spBv1.0/site-a/NCMD/c01", "spBv1.0/site-a/DCMD/c01/+"), topics.commandSubscriptions());
        assertThrows(IllegalArgumentException.class, () -> topics.node(MessageType.DDATA));
        assertThrows(IllegalArgumentException.class, () -> topics.device(MessageType.NDATA, "cdu"));
    }

    @Test
    void idsWithSeparatorsOrWildcardsAreRefused() {
        for (String bad : new String[] {"", "a/b", "a+", "#"}) {
            assertThrows(IllegalArgumentException.class, () -> new SparkplugTopics(bad, "c01"));
            assertThrows(IllegalArgumentException.class, () -> new SparkplugTopics("site", bad));
            assertThrows(IllegalArgumentException.class, () -> topics.device(MessageType.DDATA, bad));
        }
    }

    @Test
    void parsesCommandsForThisNode() {
        SparkplugTopics.Command ncmd = topics.parseCommand("spBv1.0/site-a/NCMD/c01");
        assertEquals(MessageType.NCMD, ncmd.type());
        assertNull(ncmd.device());
        SparkplugTopics.Command dcmd = topics.parseCommand("spBv1.0/site-a/DCMD/c01/battery");
        assertEquals(MessageType.DCMD, dcmd.type());
        assertEquals("battery", dcmd.device());
    }

    @Test
    void rejectsEverythingElseWithAReason() {
        assertReason(null, "no topic");
        assertReason("spAv1.0/site-a/NCMD/c01", "not a Sparkplug B topic");
        assertReason("spBv1.0/site-a/NCMD", "not a Sparkplug B topic");
        assertReason("spBv1.0/site-a/NDATA/c01", "not a command");
        assertReason("spBv1.0/site-a/STATE/c01", "unknown Sparkplug message type");
        assertReason("spBv1.0/site-b/NCMD/c01", "addressed to site-b/c01");
        assertReason("spBv1.0/site-a/DCMD/c02/cdu", "addressed to site-a/c02");
        assertReason("spBv1.0/site-a/NCMD/c01/cdu", "NCMD needs 4 topic levels");
        assertReason("spBv1.0/site-a/DCMD/c01", "DCMD needs 5 topic levels");
        assertReason("spBv1.0/site-a/DCMD/c01/cdu/x", "DCMD needs 5 topic levels");
        assertReason("spBv1.0/site-a/DCMD/c01/", "without a device id");
    }

    private void assertReason(String topic, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> topics.parseCommand(topic));
        assertTrue(e.getMessage().contains(reason), () -> topic + ": " + e.getMessage());
    }
}
