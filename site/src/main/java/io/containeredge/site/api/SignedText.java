package io.containeredge.site.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a text, the signature of the remote-request scheme: the signer signs the UTF-8 bytes of the body
 * exactly as sent, so nobody has to canonicalise JSON. The gateway's request keys check it; the site coordinator
 * signs its leases with it.
 */
public final class SignedText {

    private static final String HMAC = "HmacSHA256";

    private SignedText() {
    }

    /** HMAC-SHA256 of the UTF-8 bytes of {@code text}. */
    public static byte[] sign(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /** The signature as sent: lower-case hex. */
    public static String signHex(byte[] secret, String text) {
        return HexFormat.of().formatHex(sign(secret, text));
    }

    /** Compares in constant time; false for a signature that is not hex. */
    public static boolean matches(byte[] secret, String text, String signatureHex) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHex == null ? "" : signatureHex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, text), given);
    }
}
