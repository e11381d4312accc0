package io.containeredge.cloud.remote;

import io.containeredge.control.api.ControlService;
import io.containeredge.gateway.api.AuditTrail;
import io.containeredge.site.api.SignedEnvelope;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteTopics;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the site coordinator's leases for this container off MQTT ({@link SiteTopics#lease}) and hands them to the
 * controller, the source named {@code mqtt:<keyId>}. Leases are not answered and an accepted one is neither logged
 * nor put in the request ledger: one arrives every few seconds, and a lease is refused by its epoch and seq, not by a
 * request id. A refused one is audited like any refused request and logged, at most once a minute with a count of
 * those left out (a stale coordinator repeats itself every few seconds).
 */
public final class LeaseIntake {

    static final Duration LOG_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(LeaseIntake.class);

    private final String site;
    private final String container;
    private final LeaseReader reader;
    private final Supplier<ControlService> control;
    private final RequestAudit audit;
    private final LongSupplier clock;
    private long lastLogMillis;
    private boolean logged;
    private int unlogged;

    /**
     * @param control the controller, null while it is not there (the lease is then refused)
     * @param clock epoch milliseconds, for the log's rate
     */
    public LeaseIntake(String site, String container, RequestKeys keys, Supplier<ControlService> control,
            Supplier<AuditTrail> audit, LongSupplier clock) {
        this.site = site;
        this.container = container;
        this.reader = new LeaseReader(keys);
        this.control = control;
        this.audit = new RequestAudit(audit);
        this.clock = clock;
    }

    public String topic() {
        return SiteTopics.lease(site, container);
    }

    /** Reads, checks and hands over one lease; never throws. */
    public void handle(byte[] payload) {
        SignedEnvelope e;
        try {
            e = reader.verified(payload);
        } catch (Refusal r) {
            refused(null, r.getMessage());
            return;
        }
        try {
            SiteLease lease = reader.lease(site, container, e);
            ControlService c = control.get();
            if (c == null) {
                throw new IllegalArgumentException("the controller is not running");
            }
            c.acceptLease(lease, "mqtt:" + e.keyId());
        } catch (Refusal | IllegalArgumentException r) {
            refused(e.keyId(), r.getMessage());
        }
    }

    private void refused(String keyId, String reason) {
        audit.leaseRefused(keyId, reason);
        synchronized (this) {
            long now = clock.getAsLong();
            if (logged && now - lastLogMillis < LOG_EVERY.toMillis()) {
                unlogged++;
                return;
            }
            LOG.warn("site lease from {} refused: {}{}", keyId == null ? RequestAudit.UNKNOWN : keyId, reason,
                    unlogged == 0 ? "" : " (" + unlogged + " more refused since the last of these lines)");
            logged = true;
            lastLogMillis = now;
            unlogged = 0;
        }
    }
}
