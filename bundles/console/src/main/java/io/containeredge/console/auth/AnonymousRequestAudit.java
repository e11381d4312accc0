package io.containeredge.console.auth;

import io.containeredge.gateway.api.AuditTrail;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit records of requests nobody is authenticated for (no session or token, a wrong token, a malformed
 * {@code Authorization}, a failed login or setup): written only as far as {@link AnonymousAuditAllowance}
 * admits them, before anything is written. Once a minute what was refused becomes one summary record
 * ({@code audit.unrecorded}) in the audit trail, and so in the cloud's audit feed. Authenticated changes
 * and successful logins never pass here: they are always recorded.
 */
@Component(service = AnonymousRequestAudit.class)
public class AnonymousRequestAudit {

    static final String ACTION = "audit.unrecorded";
    private static final long PERIOD_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(AnonymousRequestAudit.class);

    private final AuditTrail trail;
    private final LongSupplier nanoClock;
    private final AnonymousAuditAllowance allowance;
    private ScheduledExecutorService timer;

    @Activate
    public AnonymousRequestAudit(@Reference AuditTrail trail) {
        this(trail, System::nanoTime, AnonymousAuditAllowance.Limits.DEFAULT);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(null, r, "console-audit-summary", 256 * 1024);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::summarise, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    /** For tests: a virtual clock, no timer ({@link #summarise} is called by the test). */
    AnonymousRequestAudit(AuditTrail trail, LongSupplier nanoClock, AnonymousAuditAllowance.Limits limits) {
        this.trail = trail;
        this.nanoClock = nanoClock;
        this.allowance = new AnonymousAuditAllowance(limits, nanoClock.getAsLong());
    }

    /** Writes a record through {@code write} if the allowance admits one from {@code address}; counts it if not. */
    void record(String address, Consumer<AuditTrail> write) {
        if (allowance.admit(address, nanoClock.getAsLong())) {
            write.accept(trail);
        }
    }

    /** Records (and logs) what was refused since the last summary, if anything was. */
    void summarise() {
        try {
            allowance.summary("minute").ifPresent(text -> {
                LOG.warn("{} ({} since start)", text, allowance.droppedTotal());
                trail.record(RequestAudit.ANONYMOUS, "console", ACTION, "unauthenticated requests", "dropped", text);
            });
        } catch (RuntimeException e) {
            // the timer must survive a full disk: the counts of the next minute are still wanted
            LOG.error("summary of unrecorded requests failed", e);
        }
    }

    @Deactivate
    void deactivate() {
        if (timer != null) {
            timer.shutdownNow();
        }
        summarise();
    }
}
