package io.containeredge.cloud.remote;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared secrets requests are signed with (HMAC-SHA256), by key id. Configured as
 * {@code keyId=base64secret} strings; a secret shorter than {@value #MIN_SECRET_BYTES} bytes is
 * refused, because HMAC-SHA256 is only as strong as its key. Error messages name the key id, never
 * the secret.
 */
public final class RequestKeys {

    public static final int MIN_SECRET_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String HMAC = "HmacSHA256";

    private final Map<String, byte[]> secrets;

    private RequestKeys(Map<String, byte[]> secrets) {
        this.secrets = secrets;
    }

    /**
     * @param entries {@code keyId=base64secret}, e.g. from configuration {@code command.keys}; null or
     *     empty means no key, so every request is rejected
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    public static RequestKeys parse(String... entries) {
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        for (int i = 0; entries != null && i < entries.length; i++) {
            String entry = entries[i] == null ? "" : entries[i].trim();
            int eq = entry.indexOf('=');
            String keyId = eq < 0 ? "" : entry.substring(0, eq).trim();
            String where = "command.keys entry " + (i + 1) + (keyId.isEmpty() ? "" : " ('" + keyId + "')");
            if (!KEY_ID.matcher(keyId).matches()) {
                throw new IllegalArgumentException(where + ": expected keyId=base64secret with a key id of 1..64"
                        + " characters [A-Za-z0-9._-]");
            }
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(entry.substring(eq + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": the secret is not valid base64");
            }
            if (secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException(where + ": the secret has " + secret.length + " bytes, at least "
                        + MIN_SECRET_BYTES + " are needed (e.g. openssl rand -base64 32)");
            }
            if (secrets.put(keyId, secret) != null) {
                throw new IllegalArgumentException(where + ": key id given twice");
            }
        }
        return new RequestKeys(secrets);
    }

    public Set<String> keyIds() {
        return secrets.keySet();
    }

    /**
     * Checks a signature in constant time.
     *
     * @param signatureHex HMAC-SHA256 of {@code signed} with {@code keyId}'s secret, in hex
     * @throws Refusal saying which check failed (unknown key, not hex, wrong signature)
     */
    void verify(String requestId, String keyId, String signed, String signatureHex) throws Refusal {
        byte[] secret = keyId == null ? null : secrets.get(keyId);
        if (secret == null) {
            throw new Refusal(requestId, secrets.isEmpty() ? "no request keys are configured on this gateway"
                    : "unknown key id");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHex == null ? "" : signatureHex);
        } catch (IllegalArgumentException e) {
            throw new Refusal(requestId, "signature is not hex");
        }
        if (!MessageDigest.isEqual(sign(secret, signed), given)) {
            throw new Refusal(requestId, "wrong signature");
        }
    }

    /** HMAC-SHA256 of the UTF-8 bytes of {@code text}. */
    static byte[] sign(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}
