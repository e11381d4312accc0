package io.containeredge.cloud.remote;

import io.containeredge.site.api.SignedEnvelope;
import io.containeredge.site.api.SiteLease;
import java.util.Optional;

/**
 * Reads a site lease from the coordinator's envelope ({@code {"keyId","body","signature"}}, the remote-request
 * scheme): size and form as every envelope, the signature with the gateway's request keys, the key's scope {@value
 * #SCOPE}, the body as a strict {@link SiteLease}, and the target site and container inside the signed body. Whether
 * the lease is new enough (epoch, seq, expiry, clock skew) is the lease book's to say ({@code
 * ControlService.acceptLease}). Thread-safe.
 */
public final class LeaseReader {

    /** The scope a key needs to sign leases: the site coordinator's key carries it, an operator's need not. */
    public static final String SCOPE = "site.lease";

    private final RequestKeys keys;

    public LeaseReader(RequestKeys keys) {
        this.keys = keys;
    }

    /**
     * @param site this gateway's site
     * @param container this gateway's container
     * @return the lease, signed by a key that may sign leases, for this container
     * @throws Refusal saying which check failed
     */
    public SiteLease read(String site, String container, byte[] payload) throws Refusal {
        return lease(site, container, verified(payload));
    }

    /** The envelope, its signature good. */
    SignedEnvelope verified(byte[] payload) throws Refusal {
        SignedEnvelope e = EnvelopeReader.envelope(payload);
        keys.verify(null, e.keyId(), e.body(), e.signature());
        return e;
    }

    /** The lease in an envelope whose signature is good. */
    SiteLease lease(String site, String container, SignedEnvelope e) throws Refusal {
        if (!keys.allows(e.keyId(), SCOPE)) {
            throw new Refusal(null, "key " + e.keyId() + " may not sign " + SCOPE + " (its scopes: "
                    + keys.scopes(e.keyId()) + ")");
        }
        SiteLease lease;
        try {
            lease = SiteLease.fromJson(e.body());
        } catch (IllegalArgumentException bad) {
            throw new Refusal(null, bad.getMessage());
        }
        Optional<String> notForUs = lease.notFor(site, container);
        if (notForUs.isPresent()) {
            throw new Refusal(null, notForUs.get());
        }
        return lease;
    }
}
