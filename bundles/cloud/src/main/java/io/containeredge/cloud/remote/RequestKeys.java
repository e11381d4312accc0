package io.containeredge.cloud.remote;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import io.containeredge.site.api.SignedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared secrets requests are signed with (HMAC-SHA256), by key id, and what each key may do.
 * Configured as {@code keyId=base64secret:scope,scope...} strings: a scope is an action name
 * ({@code curtail}, {@code ack-alarm}, {@code config.apply} …), {@code config.*} for every config
 * action, {@code site.lease} for the site coordinator's budget leases, or {@code *} for all. A list
 * split at its commas (as a properties list is) continues the entry before it. A key without a scope list may do every action, as before scopes existed, and is
 * named in a warning: an upgraded gateway keeps its remote commands (curtailment among them) instead
 * of losing them at the upgrade. An unknown scope is refused, so a typo never silently denies or grants.
 * A secret shorter than {@value #MIN_SECRET_BYTES} bytes is refused, because HMAC-SHA256 is only as
 * strong as its key. Error messages name the key id, never the secret.
 */
public final class RequestKeys {

    public static final int MIN_SECRET_BYTES = 32;
    /** The scope that allows every action. */
    public static final String ALL = "*";
    static final String ALL_CONFIG = "config.*";
    static final String WRONG_SIGNATURE = "wrong signature";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger LOG = LoggerFactory.getLogger(RequestKeys.class);

    /** One key: its secret and the actions it may sign. */
    private record Key(byte[] secret, Set<String> scopes) {
    }

    private final Map<String, Key> keys;

    private RequestKeys(Map<String, Key> keys) {
        this.keys = keys;
    }

    /**
     * @param entries {@code keyId=base64secret[:scope,...]}, e.g. from configuration {@code command.keys};
     *     null or empty means no key, so every request is rejected
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    public static RequestKeys parse(String... entries) {
        Map<String, Key> keys = new LinkedHashMap<>();
        List<String> joined = joinScopeLists(entries);
        for (int i = 0; i < joined.size(); i++) {
            String entry = joined.get(i);
            int eq = entry.indexOf('=');
            String keyId = eq < 0 ? "" : entry.substring(0, eq).trim();
            String where = "command.keys entry " + (i + 1) + (keyId.isEmpty() ? "" : " ('" + keyId + "')");
            if (!KEY_ID.matcher(keyId).matches()) {
                throw new IllegalArgumentException(where + ": expected keyId=base64secret[:scopes] with a key id of"
                        + " 1..64 characters [A-Za-z0-9._-]");
            }
            String rest = entry.substring(eq + 1);
            int colon = rest.indexOf(':'); // base64 has no colon
            byte[] secret = secret(where, colon < 0 ? rest : rest.substring(0, colon));
            Set<String> scopes = colon < 0 ? Set.of(ALL) : scopes(where, rest.substring(colon + 1));
            if (colon < 0) {
                LOG.warn("{} has no scope list: it may sign every action; give it its actions (keyId=secret:curtail,"
                        + "ack-alarm,...) or ':*' to say so", where);
            }
            if (keys.put(keyId, new Key(secret, scopes)) != null) {
                throw new IllegalArgumentException(where + ": key id given twice");
            }
        }
        return new RequestKeys(keys);
    }

    /** Entries as given, with the pieces of a scope list that was split at its commas joined back to their key. */
    private static List<String> joinScopeLists(String... entries) {
        List<String> joined = new ArrayList<>();
        for (int i = 0; entries != null && i < entries.length; i++) {
            String entry = entries[i] == null ? "" : entries[i].trim();
            int last = joined.size() - 1;
            if (last >= 0 && entry.indexOf('=') < 0 && joined.get(last).indexOf(':') >= 0 && !entry.isEmpty()) {
                joined.set(last, joined.get(last) + "," + entry);
            } else {
                joined.add(entry);
            }
        }
        return joined;
    }

    private static byte[] secret(String where, String base64) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": the secret is not valid base64");
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(where + ": the secret has " + secret.length + " bytes, at least "
                    + MIN_SECRET_BYTES + " are needed (e.g. openssl rand -base64 32)");
        }
        return secret;
    }

    private static Set<String> scopes(String where, String list) {
        Set<String> scopes = new TreeSet<>();
        for (String s : list.split(",")) {
            String scope = s.trim();
            if (!scope.equals(ALL) && !scope.equals(ALL_CONFIG) && !CommandActions.ACTIONS.contains(scope)
                    && !ConfigActions.ACTIONS.contains(scope) && !scope.equals(LeaseReader.SCOPE)) {
                throw new IllegalArgumentException(where + ": unknown scope '" + scope + "' (scopes are action names "
                        + new TreeSet<>(CommandActions.ACTIONS) + ", " + new TreeSet<>(ConfigActions.ACTIONS) + ", "
                        + LeaseReader.SCOPE + " (the site coordinator's leases), " + ALL_CONFIG + " or " + ALL + ")");
            }
            scopes.add(scope);
        }
        return Set.copyOf(scopes);
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** True when {@code keyId} may sign {@code action}; false for an unknown key. */
    boolean allows(String keyId, String action) {
        Key k = keys.get(keyId);
        return k != null && (k.scopes().contains(ALL) || k.scopes().contains(action)
                || k.scopes().contains(ALL_CONFIG) && ConfigActions.ACTIONS.contains(action));
    }

    /** The scopes of a key, sorted, for a refusal's reason. */
    Set<String> scopes(String keyId) {
        Key k = keys.get(keyId);
        return k == null ? Set.of() : new TreeSet<>(k.scopes());
    }

    /**
     * Checks a signature in constant time.
     *
     * @param signatureHex HMAC-SHA256 of {@code signed} with {@code keyId}'s secret, in hex
     * @throws Refusal saying which check failed (unknown key, not hex, wrong signature)
     */
    void verify(String requestId, String keyId, String signed, String signatureHex) throws Refusal {
        Key key = keyId == null ? null : keys.get(keyId);
        if (key == null) {
            throw new Refusal(requestId, keys.isEmpty() ? "no request keys are configured on this gateway"
                    : "unknown key id");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHex == null ? "" : signatureHex);
        } catch (IllegalArgumentException e) {
            throw new Refusal(requestId, "signature is not hex");
        }
        if (!MessageDigest.isEqual(sign(key.secret(), signed), given)) {
            throw new Refusal(requestId, WRONG_SIGNATURE);
        }
    }

    /** HMAC-SHA256 of the UTF-8 bytes of {@code text}. */
    static byte[] sign(byte[] secret, String text) {
        return SignedText.sign(secret, text);
    }
}
