package io.containeredge.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The API tokens every gateway a test starts accepts ({@code --api-tokens}, added by
 * {@link LauncherTest#gateway}): one technician token (enough to read and to act on the controller) and
 * one administrator token, random for each test run, written to a file as the gateway expects them
 * (name, role, SHA-256 of the token).
 */
final class TestApiTokens {

    static final String TECHNICIAN = random();
    static final String ADMIN = random();
    private static Path file;

    private TestApiTokens() {
    }

    /** The tokens file, written on first use. */
    static synchronized Path file() {
        if (file == null) {
            try {
                Path dir = Files.createTempDirectory("containeredge-tokens");
                file = Files.writeString(dir.resolve("api-tokens"), "# written by the end-to-end tests\n"
                        + "e2e-technician technician " + sha256(TECHNICIAN) + "\n"
                        + "e2e-admin admin " + sha256(ADMIN) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
