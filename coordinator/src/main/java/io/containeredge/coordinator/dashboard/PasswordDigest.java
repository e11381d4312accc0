package io.containeredge.coordinator.dashboard;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password as the users file keeps it: PBKDF2WithHmacSHA256 with a per-user salt and its own iteration count (the
 * gateway console's format, so one file can serve both), compared in constant time. Salt and hash leave it only as
 * the file's base64 text.
 */
final class PasswordDigest {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; tests store fewer, the count is per user. */
    static final int ITERATIONS = 210_000;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordDigest(int iterations, byte[] salt, byte[] hash) {
        if (iterations < 1 || salt.length == 0 || hash.length == 0) {
            throw new IllegalArgumentException("a password needs iterations, a salt and a hash");
        }
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** A fresh random salt for a new password. */
    static PasswordDigest of(char[] password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordDigest(iterations, salt, derive(password, salt, iterations));
    }

    /** As stored: salt and hash in base64. @throws IllegalArgumentException when either is not base64 or empty */
    static PasswordDigest stored(int iterations, String saltBase64, String hashBase64) {
        Base64.Decoder b64 = Base64.getDecoder();
        return new PasswordDigest(iterations, b64.decode(saltBase64), b64.decode(hashBase64));
    }

    int iterations() {
        return iterations;
    }

    String saltBase64() {
        return Base64.getEncoder().encodeToString(salt);
    }

    String hashBase64() {
        return Base64.getEncoder().encodeToString(hash);
    }

    boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
