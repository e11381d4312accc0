package io.containeredge.e2e.site;

import io.containeredge.cloud.mqtt.MosquittoBroker;
import io.containeredge.cloud.remote.LeaseReader;
import io.containeredge.cloud.remote.RequestKeys;
import io.containeredge.e2e.ChildProcess;
import io.containeredge.coordinator.limits.SiteLimitStore;
import io.containeredge.coordinator.limits.SiteLimits;
import io.containeredge.e2e.RunningContainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;

/**
 * The scale rig: a real Mosquitto, a real three-server ZooKeeper ensemble, two coordinator processes ({@code a} and
 * {@code b}), full gateways against the simulator and lightweight agents, all of one site. The agents tick every
 * {@value #TICK_MILLIS} ms on one scheduler. The scenarios' actions are its methods; what they did is in each
 * container's {@link ImportRecord}.
 */
final class SiteRig implements AutoCloseable {

    static final long TICK_MILLIS = 250;
    private final Path dir;
    private final RigSite site;
    private final MosquittoBroker broker;
    private final ZooKeeperEnsemble zookeeper;
    private final List<RunningContainer> gateways = new ArrayList<>();
    private final Map<String, ContainerAgent> agents = new LinkedHashMap<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rig-agents");
        t.setDaemon(true);
        return t;
    });
    private final CoordinatorProcess[] coordinators = new CoordinatorProcess[2];
    private GatewayReports gatewayReports;
    private double capKw;
    private int leader = -1;
    private int starts;

    private SiteRig(Path dir, RigSite site, MosquittoBroker broker, ZooKeeperEnsemble zookeeper) {
        this.dir = dir;
        this.site = site;
        this.broker = broker;
        this.zookeeper = zookeeper;
    }

    /** Everything up and every container leased by coordinator {@code a} at {@link RigSite#CAP_HIGH_KW}. */
    static SiteRig start(Path dir, int gateways, int agents) throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        RigSite site = new RigSite(dir, gateways, agents, secret);
        MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), RunningContainer.freeRange(1, 24_500))
                .start(); // a fixed port below the ephemeral range: the broker restart must get it back
        SiteRig rig = null;
        long t0 = System.nanoTime();
        try {
            rig = new SiteRig(dir, site, broker, ZooKeeperEnsemble.start());
            rig.startAgents();
            rig.capKw = RigSite.CAP_HIGH_KW;
            // the coordinator starts while the gateways do, which takes longest: they are leased once they report
            rig.coordinators[0] = rig.startCoordinator("a");
            rig.startGateways();
            log("containers up", t0);
            rig.awaitActive(0, Duration.ofSeconds(30));
            rig.coordinators[1] = rig.startCoordinator("b");
            rig.coordinators[1].awaitStarted();
            rig.await("every container leased", Duration.ofSeconds(30), rig::allLeased);
            log("every container leased", t0);
            return rig;
        } catch (Exception | Error e) {
            if (rig != null) {
                rig.close();
            } else {
                broker.stop();
            }
            throw e;
        }
    }

    private void startAgents() throws Exception {
        String uri = broker.uri();
        LeaseReader reader = new LeaseReader(RequestKeys.parse(RigSite.KEY_ID + "=" + site.keyBase64() + ":"
                + LeaseReader.SCOPE));
        for (int i = 0; i < site.agents.size(); i++) {
            ContainerAgent agent = new ContainerAgent(RigSite.SITE, site.agents.get(i), uri, reader,
                    RigSite.AGENT_LEASE, RigSite.agentLoad(i));
            agents.put(agent.id(), agent);
            agent.connect();
        }
        ticks.scheduleAtFixedRate(this::tickAgents, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void startGateways() throws Exception {
        String uri = broker.uri();
        gatewayReports = new GatewayReports(RigSite.SITE, site.gateways, uri);
        String demo = Files.readString(ChildProcess.root().resolve("firmware-config/sites/demo-container.yaml"));
        // side by side, each simulator's miners and BMCs in port ranges of their own: two searches from the same
        // start could pick the same free range at once
        List<Future<RunningContainer>> starting = new ArrayList<>();
        ExecutorService starter = Executors.newFixedThreadPool(Math.max(1, site.gateways.size()));
        try {
            for (int i = 0; i < site.gateways.size(); i++) {
                String id = site.gateways.get(i);
                Path work = Files.createDirectories(dir.resolve(id));
                Path cloud = site.gatewayCloud(id, uri);
                String bmcs = "basePort: " + RunningContainer.freeRange(20, 25_000 + 1000 * i);
                int miners = RunningContainer.freeRange(RigSite.GATEWAY_MINERS, 21_000 + 500 * i);
                starting.add(starter.submit(() -> RunningContainer.start(work, text -> RigSite.gatewaySite(demo, id)
                        .replace("basePort: 15443", bmcs).replace("basePort: 14100", "basePort: " + miners), miners,
                        "--cloud", cloud.toString())));
            }
            Exception failed = null;
            for (Future<RunningContainer> gateway : starting) {
                try {
                    gateways.add(gateway.get()); // each one that started, so that close() stops it
                } catch (ExecutionException e) {
                    failed = failed == null ? e : failed;
                }
            }
            if (failed != null) {
                throw failed;
            }
        } finally {
            starter.shutdown();
        }
    }

    private void tickAgents() {
        long now = System.currentTimeMillis();
        for (ContainerAgent agent : agents.values()) {
            agent.tick(now);
        }
    }

    private CoordinatorProcess startCoordinator(String id) throws IOException {
        starts++;
        Path config = site.coordinatorConfig(capKw, zookeeper.connectString(), broker.uri());
        return CoordinatorProcess.start(config, id, dir.resolve("coordinator-" + id + "-" + starts + ".log"));
    }

    private void awaitActive(int index, Duration timeout) throws Exception {
        CoordinatorProcess c = coordinators[index];
        await("coordinator " + c.id() + " active", timeout, () -> {
            try {
                return c.saidActive();
            } catch (IOException e) {
                return false;
            }
        });
        leader = index;
    }

    RigSite site() {
        return site;
    }

    double capKw() {
        return capKw;
    }

    String leaderId() {
        return coordinators[leader].id();
    }

    ContainerAgent agent(String id) {
        return agents.get(id);
    }

    List<ContainerAgent> agents() {
        return List.copyOf(agents.values());
    }

    /** Every container's record, agents and full gateways, by id. */
    Map<String, ImportRecord> records() {
        Map<String, ImportRecord> all = new LinkedHashMap<>();
        site.gateways.forEach(id -> all.put(id, gatewayReports.record(id)));
        agents.forEach((id, agent) -> all.put(id, agent.record()));
        return all;
    }

    /** The budgets of the leases the containers hold now (as last recorded), summed. */
    double budgetsKw() {
        return records().values().stream().mapToDouble(r -> r.last().getValue().budgetKw()).sum();
    }

    /** The highest epoch any agent holds a lease of. */
    long epoch() {
        return agents.values().stream().mapToLong(a -> a.record().last() == null ? 0
                : a.record().last().getValue().epoch()).max().orElse(0);
    }

    boolean allLeased() {
        long now = System.currentTimeMillis();
        boolean agentsLeased = agents.values().stream().allMatch(a -> a.state(now).equals("LEASED"));
        return agentsLeased && site.gateways.stream().allMatch(id -> {
            var last = gatewayReports.record(id).last();
            return last != null && last.getValue().state().equals("LEASED");
        });
    }

    /**
     * The POI cap changed: both coordinators restarted with it, one after the other (the standby first, then the
     * leader with SIGTERM, so the restarted standby takes over at once under a new epoch).
     *
     * @return when the new leader said it was active (epoch millis); the other is then back as its standby
     */
    long changeCap(double newCapKw) throws Exception {
        capKw = newCapKw;
        int standby = 1 - leader;
        coordinators[standby].close();
        coordinators[standby] = startCoordinator(coordinators[standby].id());
        coordinators[standby].awaitStarted();
        int old = leader;
        coordinators[old].close();
        awaitActive(standby, Duration.ofSeconds(20));
        long active = System.currentTimeMillis();
        coordinators[old] = startCoordinator(coordinators[old].id());
        coordinators[old].awaitStarted();
        return active;
    }

    /**
     * A change of the site limits written straight into ZooKeeper as the command line writes it, timed to the write.
     *
     * @return when the write began (epoch millis)
     */
    long writeSiteLimits(UnaryOperator<SiteLimits> change) throws Exception {
        try (CuratorFramework client = CuratorFrameworkFactory.newClient(zookeeper.connectString(),
                new RetryOneTime(200))) {
            client.start();
            if (!client.blockUntilConnected(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("ZooKeeper out of reach");
            }
            SiteLimitStore store = new SiteLimitStore(client, RigSite.BASE_PATH + "/" + RigSite.SITE);
            long at = System.currentTimeMillis();
            store.update(change);
            return at;
        }
    }

    /**
     * An operator's site limit (or its end) on the site server's command line: {@code containeredge-site.jar --config
     * <file> <args>}, against the ensemble the coordinators watch.
     *
     * @return when the command had done (epoch millis)
     */
    long siteLimitCommand(String... args) throws Exception {
        Path config = site.coordinatorConfig(capKw, zookeeper.connectString(), broker.uri());
        Path log = dir.resolve("site-limit-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-XX:TieredStopAtLevel=1", "-jar",
                ChildProcess.root().resolve("deploy/target/containeredge-site.jar").toString(), "--config",
                config.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("site limit command failed: " + Files.readString(log));
        }
        return System.currentTimeMillis();
    }

    /**
     * kill -9 of the active coordinator; the standby takes over once ZooKeeper ends the killed one's session.
     *
     * @return when the kill was done (epoch millis); the killed one is then back as the standby
     */
    long killLeader() throws Exception {
        int killed = leader;
        coordinators[killed].kill();
        long at = System.currentTimeMillis();
        awaitActive(1 - killed, Duration.ofSeconds(20));
        coordinators[killed] = startCoordinator(coordinators[killed].id());
        coordinators[killed].awaitStarted();
        return at;
    }

    void loseQuorum() throws Exception {
        zookeeper.loseQuorum();
    }

    void restoreQuorum() throws Exception {
        zookeeper.restoreQuorum();
    }

    /** The broker killed for {@code outage} and started again on the same port. */
    void restartBroker(Duration outage) throws Exception {
        broker.kill();
        Thread.sleep(outage.toMillis());
        broker.start();
    }

    /** Side by side: Paho's forcible disconnect waits out its timeout, a second per client. */
    private void closeAgents() throws Exception {
        ExecutorService closing = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> closed = new ArrayList<>();
            for (ContainerAgent agent : agents.values()) {
                closed.add(closing.submit(() -> {
                    agent.close();
                    return null;
                }));
            }
            for (Future<?> f : closed) {
                f.get();
            }
        } finally {
            closing.shutdown();
        }
    }

    /** The rig's own progress on standard error: where its start and stop spend their time. */
    static void log(String what, long sinceNanos) {
        System.err.printf("site rig: %s after %.1f s%n", what, (System.nanoTime() - sinceNanos) / 1e9);
    }

    static void await(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        long t0 = System.nanoTime();
        ticks.shutdownNow();
        for (CoordinatorProcess c : coordinators) {
            if (c != null) {
                c.close();
            }
        }
        log("coordinators stopped", t0);
        for (RunningContainer g : gateways) {
            g.close();
        }
        log("gateways stopped", t0);
        if (gatewayReports != null) {
            gatewayReports.close();
        }
        closeAgents();
        log("agents stopped", t0);
        zookeeper.close();
        broker.stop();
        log("stopped", t0);
    }
}
