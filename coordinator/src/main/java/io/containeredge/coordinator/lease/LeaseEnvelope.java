package io.containeredge.coordinator.lease;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.site.api.SignedText;
import io.containeredge.site.api.SiteLease;

/**
 * A lease as it travels: the remote-request envelope {@code {"keyId","body","signature"}}, the signature the HMAC of
 * the body text exactly as sent, so the gateway checks the very bytes it then parses.
 */
public final class LeaseEnvelope {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LeaseEnvelope() {
    }

    public static String sign(SiteLease lease, String keyId, byte[] secret) {
        String body = lease.toJson();
        try {
            return JSON.writeValueAsString(JSON.createObjectNode().put("keyId", keyId).put("body", body)
                    .put("signature", SignedText.signHex(secret, body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an envelope of three strings cannot be written", e);
        }
    }
}
