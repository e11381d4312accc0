package io.containeredge.site.api;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.site.internal.CoordinatorFiles;
import io.containeredge.site.internal.CoordinatorParser;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way into a site coordinator's configuration: the coordinator's start and its {@code --check} read it here,
 * so they accept and refuse exactly the same documents (schema, the fallback shares against the cap, unique ids, the
 * lease timings, the files it names).
 */
public final class CoordinatorDocuments {

    private CoordinatorDocuments() {
    }

    /** Everything wrong with the document at {@code file} and the files it names, all at once; empty when none. */
    public static List<ConfigError> check(Path file) {
        return CoordinatorParser.read(file).errors();
    }

    /**
     * @throws ConfigException with every error {@link #check} finds
     */
    public static CoordinatorConfig load(Path file) throws ConfigException {
        CoordinatorParser.Parsed parsed = CoordinatorParser.read(file);
        if (!parsed.errors().isEmpty()) {
            throw new ConfigException(parsed.errors());
        }
        return parsed.config();
    }

    /**
     * The lease signing secret: the base64 text of {@link CoordinatorConfig.Signing#secretFile}, decoded.
     *
     * @throws ConfigException when the file cannot be read, is not base64 or is shorter than
     *     {@value CoordinatorFiles#MIN_SECRET_BYTES} bytes (the message never shows the secret)
     */
    public static byte[] secret(CoordinatorConfig.Signing signing) throws ConfigException {
        return CoordinatorFiles.secret(signing.secretFile().toString(), "$.signing.secretFile", signing.secretFile());
    }

    /**
     * The secrets signed site requests are checked with, by key id, decoded (empty when the configuration lets nobody
     * send them).
     *
     * @throws ConfigException as {@link #secret}
     */
    public static Map<String, byte[]> requestKeys(CoordinatorConfig config) throws ConfigException {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        if (config.requests().isPresent()) {
            for (CoordinatorConfig.RequestKey k : config.requests().get().keys()) {
                keys.put(k.keyId(), CoordinatorFiles.secret(k.secretFile().toString(), "$.requests.keys",
                        k.secretFile()));
            }
        }
        return keys;
    }
}
