package io.containeredge.simulator.openadr;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** The VTN's OAuth2 client-credentials grant: one client, bearer tokens that expire after a lifetime. */
final class VtnTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The one client, as its credentials file holds it: {@code clientId:clientSecret}. */
    private final String client;
    private final LongSupplier clock;
    /** Token to the wall-clock millisecond it expires at. */
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile Duration lifetime;

    VtnTokens(String clientId, String clientSecret, Duration lifetime, LongSupplier clock) {
        this.client = clientId + ":" + clientSecret;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A new token for the client, or null when the id or secret is wrong. */
    String issue(String id, String secret) {
        if (id == null || secret == null || id.contains(":") || !client.equals(id + ":" + secret)) {
            return null;
        }
        String token = HexFormat.of().formatHex(RANDOM.generateSeed(16));
        expiries.put(token, clock.getAsLong() + lifetime.toMillis());
        issued.incrementAndGet();
        return token;
    }

    boolean valid(String token) {
        Long expiry = token == null ? null : expiries.get(token);
        return expiry != null && clock.getAsLong() < expiry;
    }

    Duration lifetime() {
        return lifetime;
    }

    void lifetime(Duration newLifetime) {
        lifetime = newLifetime;
    }

    /** Every token issued so far expires now, as at the end of its lifetime. */
    void expireAll() {
        expiries.replaceAll((token, expiry) -> Long.MIN_VALUE);
    }

    int issued() {
        return issued.get();
    }

    /** The credentials file's one line, {@code clientId:clientSecret}. */
    String credentialsLine() {
        return client;
    }
}
