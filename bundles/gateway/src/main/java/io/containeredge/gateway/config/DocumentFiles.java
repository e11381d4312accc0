package io.containeredge.gateway.config;

import io.containeredge.gateway.api.ConfigDocuments;
import io.containeredge.gateway.storage.api.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How a version's documents lie in a directory: {@code site.yaml} and {@code profiles/<id>.yaml}, the
 * layout of a configuration directory, so the site loader reads a version exactly like one.
 */
final class DocumentFiles {

    static final String SITE_FILE = "site.yaml";
    static final String PROFILES = "profiles";
    private static final String SUFFIX = ".yaml";

    private DocumentFiles() {
    }

    static String profileFile(String id) {
        return PROFILES + "/" + id + SUFFIX;
    }

    /** Writes every document and forces it to the device (the directory itself is the caller's). */
    static void write(Path dir, ConfigDocuments documents) throws IOException {
        DurableFiles.writeNew(dir.resolve(SITE_FILE), documents.site().getBytes(StandardCharsets.UTF_8));
        Path profiles = Files.createDirectories(dir.resolve(PROFILES));
        for (Map.Entry<String, String> p : documents.profiles().entrySet()) {
            DurableFiles.writeNew(dir.resolve(profileFile(p.getKey())), p.getValue().getBytes(StandardCharsets.UTF_8));
        }
        DurableFiles.forceDirectory(profiles);
    }

    /** Reads {@code siteFile} and every {@code <dir>/profiles/*.yaml}. */
    static ConfigDocuments read(Path siteFile, Path dir) throws IOException {
        return new ConfigDocuments(Files.readString(siteFile, StandardCharsets.UTF_8), readProfiles(dir));
    }

    private static Map<String, String> readProfiles(Path dir) throws IOException {
        Map<String, String> profiles = new HashMap<>();
        Path profilesDir = dir.resolve(PROFILES);
        if (!Files.isDirectory(profilesDir)) {
            return profiles;
        }
        try (Stream<Path> files = Files.list(profilesDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f))
                    .toList()) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.length() - SUFFIX.length());
                profiles.put(id, Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return profiles;
    }
}
