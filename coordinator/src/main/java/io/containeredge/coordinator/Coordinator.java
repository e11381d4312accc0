package io.containeredge.coordinator;

import io.containeredge.coordinator.allocation.Allocation;
import io.containeredge.coordinator.allocation.Allocator;
import io.containeredge.coordinator.allocation.Grants;
import io.containeredge.coordinator.allocation.Reported;
import io.containeredge.coordinator.election.Election;
import io.containeredge.coordinator.election.ZooKeeperClients;
import io.containeredge.coordinator.lease.LeaseIssuer;
import io.containeredge.coordinator.limits.PoiLimit;
import io.containeredge.coordinator.limits.SiteLimitStore;
import io.containeredge.coordinator.limits.SiteRequestDesk;
import io.containeredge.coordinator.mqtt.SitePublisher;
import io.containeredge.coordinator.report.ReportBook;
import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.SiteReport;
import java.io.Closeable;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One coordinator instance: it joins the site's election, keeps the containers' reports (standbys too, so a new
 * leader starts warm) and, while active, allocates every {@code allocation.every} and sends leases every
 * {@code renewEvery} and whenever a budget falls. Everything but the reports' intake and the election's stop runs on
 * one thread. A new leader starts from what the containers report holding (their lease's budget when leased, else
 * their fallback share): nothing is handed over between instances. The site's limits live in ZooKeeper
 * ({@link SiteLimitStore}), watched by every instance: a limit set, changed or starting is allocated under at once.
 */
public final class Coordinator implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);
    private static final long SUMMARY_EVERY_MILLIS = 10_000;
    /** Allocations and renewals are checked this often, so both keep their periods to within half of it. */
    private static final long TICK_MAX_MILLIS = 250;

    private final CoordinatorConfig config;
    private final String instanceId;
    private final LongSupplier clock;
    private final ReportBook reports;
    private final LeaseIssuer issuer;
    private final CuratorFramework zookeeper;
    private final SiteLimitStore limits;
    private final SiteRequestDesk requests;
    private final Election election;
    private final ScheduledExecutorService loop;
    private final long tickMillis;
    private volatile boolean issuing;
    private volatile Allocation last;
    private Grants grants = new Grants(Map.of(), 0);

    /**
     * @param secret the lease signing secret (see {@code CoordinatorDocuments.secret})
     * @param requestKeys who may send signed site requests (see {@code CoordinatorDocuments.requestKeys})
     * @param publisher where leases and the requests' replies go (the broker's connection)
     * @param reports where the broker's reports go (on the same clock)
     * @param clock wall-clock milliseconds: leases carry them
     */
    public Coordinator(CoordinatorConfig config, byte[] secret, Map<String, byte[]> requestKeys, String instanceId,
            SitePublisher publisher, ReportBook reports, LongSupplier clock) {
        this.config = config;
        this.instanceId = instanceId;
        this.clock = clock;
        this.tickMillis = Math.min(TICK_MAX_MILLIS, config.allocation().every().toMillis());
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "coordinator-" + instanceId));
        this.reports = reports;
        this.issuer = new LeaseIssuer(config, secret, publisher);
        this.zookeeper = ZooKeeperClients.of(config.zookeeper(), 29);
        this.limits = new SiteLimitStore(zookeeper, config.sitePath());
        this.requests = new SiteRequestDesk(config.site(), requestKeys, limits, publisher, this::active, clock);
        this.election = new Election(zookeeper, config.sitePath(), instanceId,
                new Election.Listener() {
                    @Override
                    public void active(long epoch) {
                        loop.execute(() -> takeOver(epoch));
                    }

                    @Override
                    public void inactive(String why) {
                        issuing = false;
                    }
                });
    }

    public void start() throws Exception {
        zookeeper.start();
        limits.watch(this::limitsChanged);
        election.start();
        loop.scheduleAtFixedRate(() -> guarded(this::tick), tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        loop.scheduleAtFixedRate(() -> guarded(this::summary), SUMMARY_EVERY_MILLIS, SUMMARY_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
        LOG.info("{}: coordinator of site {} started ({} containers, ZooKeeper {})", instanceId, config.site(),
                config.containers().size(), config.zookeeper().connect());
    }

    /** A signed site request off the broker (any thread): the active coordinator takes it, a standby ignores it. */
    public void request(byte[] payload) {
        requests.accept(payload);
    }

    /** Whether this instance is the active coordinator now. */
    public boolean active() {
        return issuing && election.holds(issuer.epoch());
    }

    /** What this instance knows of the site now; for the dashboard ({@code Supplier<SiteView>}: {@code this::view}). */
    public SiteView view() {
        boolean active = active();
        long now = clock.getAsLong();
        SiteLimitStore.Read read = limits.lastRead();
        return SiteViews.of(config, now, instanceId, active, election.leaderId(),
                active ? issuer.epoch() : 0, election.participants(), reports.latest(), last,
                active ? issuer.issued() : Map.of(), poiLimit(read, now), read.limits().current(now));
    }

    private void takeOver(long epoch) {
        if (!election.holds(epoch)) {
            return;
        }
        issuer.startEpoch(epoch);
        grants = new Grants(startingGrants(), 0);
        last = null;
        issuing = true;
        tick();
    }

    /** What each container holds by its own report: its lease's budget while leased, else its fallback share. */
    private Map<String, Double> startingGrants() {
        Map<String, Reported> latest = reports.latest();
        Map<String, Double> start = new HashMap<>();
        for (CoordinatorConfig.Container c : config.containers()) {
            Reported r = latest.get(c.id());
            SiteReport.LeaseState lease = r == null ? null : r.report().lease();
            start.put(c.id(), lease != null && "LEASED".equals(lease.state()) ? lease.budgetKw() : c.fallbackShareKw());
        }
        return start;
    }

    private boolean mayIssue() {
        return issuing && election.holds(issuer.epoch());
    }

    /** On Curator's thread: allocated under at once, on the coordinator's thread (not at all once stopped). */
    private void limitsChanged() {
        try {
            loop.execute(() -> guarded(this::tick));
        } catch (RejectedExecutionException stopped) {
            // closing: nothing more is issued
        }
    }

    private PoiLimit poiLimit(SiteLimitStore.Read read, long now) {
        return PoiLimit.at(config, read.limits(), read.problem(), now);
    }

    /** Allocates when a period has passed or the POI limit changed, and sends a round of leases when one is due. */
    private void tick() {
        if (!mayIssue()) {
            return;
        }
        long now = clock.getAsLong();
        PoiLimit limit = poiLimit(limits.read(), now);
        Allocation allocation = last;
        if (allocation == null || grants.atMillis() == 0 || !limit.equals(allocation.limit())
                || now - allocation.atMillis() >= config.allocation().every().toMillis() - tickMillis / 2) {
            allocation = Allocator.allocate(config, limit, reports.latest(), grants, now);
            last = allocation;
            grants = allocation.asGrants();
        }
        if (issuer.due(allocation, now)) {
            issuer.issue(allocation, now, this::mayIssue);
        }
    }

    private void summary() {
        if (mayIssue()) {
            LOG.info("{}", SiteViews.summary(view()));
        }
    }

    /** A failed round must not end the schedule: the next one tries again. */
    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("{}: coordinator round failed", instanceId, e);
        }
    }

    /** Stops issuing and leaves the election at once, so a standby takes over without waiting for a timeout. */
    @Override
    public void close() {
        issuing = false;
        loop.shutdown();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        requests.close();
        election.close();
        limits.close();
        zookeeper.close();
        LOG.info("{}: coordinator stopped", instanceId);
    }
}
