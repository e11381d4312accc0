package io.containeredge.gateway.config;

import io.containeredge.gateway.api.ConfigDocuments;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** The SHA-256 of a version's documents: equal documents, equal hash, whatever order the profiles came in. */
final class ConfigDigest {

    private ConfigDigest() {
    }

    static String sha256(ConfigDocuments documents) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        add(digest, DocumentFiles.SITE_FILE, documents.site());
        for (Map.Entry<String, String> p : new TreeMap<>(documents.profiles()).entrySet()) {
            add(digest, DocumentFiles.profileFile(p.getKey()), p.getValue());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Name and length first, so that moving text from one document to the next changes the hash. */
    private static void add(MessageDigest digest, String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((name + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
    }
}
