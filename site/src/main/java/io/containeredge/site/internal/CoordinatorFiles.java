package io.containeredge.site.internal;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/** The files a coordinator's configuration names: checked when the document is, so a start never fails on them later. */
public final class CoordinatorFiles {

    /** HMAC-SHA256 is only as strong as its key (the gateways' {@code command.keys} hold to the same). */
    public static final int MIN_SECRET_BYTES = 32;

    private CoordinatorFiles() {
    }

    /**
     * The decoded secret of a base64 file.
     *
     * @param file the document the setting is in, for the error
     * @param path the setting's path in it
     */
    public static byte[] secret(String file, String path, Path secretFile) throws ConfigException {
        String text;
        try {
            text = Files.readString(secretFile).strip();
        } catch (IOException e) {
            throw ConfigException.single(file, path, "cannot read the secret file " + secretFile + ": " + e);
        }
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw ConfigException.single(file, path, "the secret file " + secretFile + " does not hold base64 text");
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw ConfigException.single(file, path, "the secret in " + secretFile + " is " + secret.length
                    + " bytes; at least " + MIN_SECRET_BYTES + " are needed");
        }
        return secret;
    }

    /** An error at {@code path} unless {@code target} is a readable regular file. */
    static void readable(String file, String path, Path target, List<ConfigError> errors) {
        if (!Files.isRegularFile(target) || !Files.isReadable(target)) {
            errors.add(new ConfigError(file, path, "no readable file " + target));
        }
    }

    /** An error at {@code path} unless {@code target} is a directory (or can be made: its parent is one). */
    static void directory(String file, String path, Path target, List<ConfigError> errors) {
        Path parent = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(target) && (parent == null || !Files.isDirectory(parent))) {
            errors.add(new ConfigError(file, path, "neither a directory nor in one: " + target));
        }
    }
}
