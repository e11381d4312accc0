package io.containeredge.cloud.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.site.api.SignedEnvelope;
import io.containeredge.site.api.SiteLease;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A site lease read from the coordinator's envelope: every check, in order, with its reason. */
class LeaseReaderTest {

    private static final String COORD = "coord=" + Base64.getEncoder().encodeToString(
            Signer.KEY_TEXT.getBytes(StandardCharsets.UTF_8)) + ":site.lease";
    private static final SiteLease LEASE = new SiteLease("demo-site", "c-01", 3, 17, 812.5, 400, Rig.T0,
            Rig.T0 + 30_000);
    private final LeaseReader reader = new LeaseReader(RequestKeys.parse(COORD, Signer.OPS + ":curtail"));

    private static byte[] signed(String keyId, String body) {
        return Signer.envelope(keyId, body, Signer.hmacHex(Signer.KEY_TEXT, body));
    }

    private String refusal(byte[] payload) {
        return assertThrows(Refusal.class, () -> reader.read("demo-site", "c-01", payload)).getMessage();
    }

    @Test
    void aLeaseSignedByAKeyWithTheScopeForThisContainerIsRead() throws Refusal {
        assertEquals(LEASE, reader.read("demo-site", "c-01", signed("coord", LEASE.toJson())));
    }

    @Test
    void everyCheckRefusesWithItsReason() {
        assertTrue(refusal(Signer.envelope("coord", LEASE.toJson(), Signer.hmacHex("another key", LEASE.toJson())))
                .contains("wrong signature"));
        assertTrue(refusal(signed("nobody", LEASE.toJson())).contains("unknown key id"));
        assertTrue(refusal(signed("ops", LEASE.toJson())).contains("key ops may not sign site.lease (its scopes:"
                + " [curtail])"));
        assertTrue(refusal(signed("coord", new SiteLease("demo-site", "c-02", 3, 17, 812.5, 400, Rig.T0,
                Rig.T0 + 30_000).toJson())).contains("lease for demo-site/c-02, this is demo-site/c-01"));
        assertTrue(refusal(signed("coord", new SiteLease("other-site", "c-01", 3, 17, 812.5, 400, Rig.T0,
                Rig.T0 + 30_000).toJson())).contains("lease for other-site/c-01"));
        assertTrue(refusal(signed("coord", "{\"site\":\"demo-site\"}")).startsWith("lease:"));
        assertTrue(refusal("{\"keyId\":\"coord\",\"keyId\":\"x\",\"body\":\"{}\",\"signature\":\"00\"}"
                .getBytes(StandardCharsets.UTF_8)).contains("not a JSON object"), "duplicate keys");
        assertTrue(refusal(new byte[SignedEnvelope.MAX_BYTES + 1]).contains("larger than"));
    }

    @Test
    void aKeyForEveryActionMaySignLeasesAndTheScopeIsKnown() throws Refusal {
        LeaseReader all = new LeaseReader(RequestKeys.parse(Signer.OPS + ":*"));
        assertEquals(LEASE, all.read("demo-site", "c-01", signed("ops", LEASE.toJson())));
        assertEquals(java.util.Set.of("site.lease"), RequestKeys.parse(COORD).scopes("coord"));
    }
}
