package io.containeredge.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.containeredge.gateway.api.ConfigDocuments;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDigestTest {

    @Test
    void sameDocumentsSameHashWhateverTheProfileOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "id: a");
        ab.put("b", "id: b");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "id: b");
        ba.put("a", "id: a");
        String hash = ConfigDigest.sha256(new ConfigDocuments("site: s", ab));
        assertEquals(hash, ConfigDigest.sha256(new ConfigDocuments("site: s", ba)));
        assertEquals(64, hash.length());
    }

    @Test
    void anyChangeOfTextOrNameChangesTheHash() {
        String hash = ConfigDigest.sha256(new ConfigDocuments("site: s", Map.of("a", "id: a")));
        assertNotEquals(hash, ConfigDigest.sha256(new ConfigDocuments("site: s ", Map.of("a", "id: a"))));
        assertNotEquals(hash, ConfigDigest.sha256(new ConfigDocuments("site: s", Map.of("b", "id: a"))));
        assertNotEquals(hash, ConfigDigest.sha256(new ConfigDocuments("site: s", Map.of())));
    }
}
