package io.containeredge.e2e.site;

import io.containeredge.control.api.SiteLeaseStatus;
import io.containeredge.coordinator.limits.SiteLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * {@code deploy/bench/site-scale.sh}: the scale rig's figures as Markdown table rows. Per trial of a POI cap change the
 * time from the first lease of the new leader's epoch until every container's committed load, and then its import, is
 * within its new budget (the cap lowered by {@link RigSite#CAP_HIGH_KW} - {@link RigSite#CAP_LOW_KW}, after the
 * containers rose under the higher one); per site limit written into ZooKeeper the same for every container whose budget
 * it lowered, from the write; per leader kill the standby's takeover against the shortest lease left at
 * the kill; a broker restart; one container's link cut; one ZooKeeper quorum loss.
 *
 * <p>Arguments: {@code <work dir> <trials> <full gateways> <agents>}.
 */
public final class SiteScaleBench {

    /** A budget that fell by more than this share of it was lowered by the limit, not by the allocation's churn. */
    private static final double FELL_BY = 0.05;

    private SiteScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int trials = Integer.parseInt(args[1]);
        int gateways = Integer.parseInt(args[2]);
        int agents = Integer.parseInt(args[3]);
        long t0 = System.nanoTime();
        try (SiteRig rig = SiteRig.start(dir, gateways, agents)) {
            System.out.printf(Locale.ROOT, "| Rig | %d containers (%d full gateways against the simulator, %d agents),"
                    + " 2 coordinator processes, 3 ZooKeeper servers, 1 Mosquitto; leases of %d s renewed every %d s,"
                    + " ZooKeeper session %d s; up in %.0f s |%n", gateways + agents, gateways, agents,
                    RigSite.LEASE.toSeconds(), RigSite.RENEW_EVERY.toSeconds(), RigSite.SESSION.toSeconds(),
                    (System.nanoTime() - t0) / 1e9);
            capChanges(rig, trials);
            siteLimits(rig, trials);
            leaderKills(rig, Math.min(trials, 5));
            brokerRestart(rig);
            linkCut(rig);
            quorumLoss(rig);
        }
        System.exit(0); // Paho's and ZooKeeper's threads are not all daemons
    }

    /** Per trial, the slowest container of each group: its committed load, then its import, within its new budget. */
    private static void capChanges(SiteRig rig, int trials) throws Exception {
        Slowest committed = new Slowest();
        Slowest imported = new Slowest();
        for (int i = 0; i < trials; i++) {
            if (rig.capKw() != RigSite.CAP_HIGH_KW) {
                rig.changeCap(RigSite.CAP_HIGH_KW);
                Thread.sleep(8000); // the containers rise at the coordinator's ramp
            }
            long before = rig.epoch();
            rig.changeCap(RigSite.CAP_LOW_KW);
            SiteRig.await("every container within its new budget", Duration.ofSeconds(20), () -> rig.epoch() > before
                    && rig.records().values().stream().allMatch(r -> r.firstWithinMillis(rig.epoch()) != null
                            && r.firstCommittedWithinMillis(rig.epoch()) != null));
            long epoch = rig.epoch();
            Map<String, ImportRecord> records = rig.records();
            long first = records.values().stream().mapToLong(r -> r.firstLeasedMillis(epoch)).min().orElseThrow();
            committed.trial(rig, records, r -> r.firstCommittedWithinMillis(epoch) - first);
            imported.trial(rig, records, r -> r.firstWithinMillis(epoch) - first);
        }
        boolean gateways = !rig.site().gateways.isEmpty();
        System.out.printf(Locale.ROOT, "| POI cap %.0f -> %.0f kW: first lease of the new epoch -> every container's"
                + " committed load within its new budget (%d trials) | %s |%n", RigSite.CAP_HIGH_KW, RigSite.CAP_LOW_KW,
                trials, committed.summary(gateways));
        System.out.printf(Locale.ROOT, "| The same trials: -> every container's import within its new budget (the"
                + " loads obeying: a simulated miner's power target 1 kW/s, its sleep some seconds) | %s |%n",
                imported.summary(gateways));
    }

    /**
     * Per trial, a site limit that takes a fifth off the containers' summed budgets, written into ZooKeeper (as {@code
     * --set-limit} does) and ended again once every container is within its budget: the slowest container whose budget
     * fell, its committed load within its lower budget, from the write; then the same, and its import, over the
     * containers whose budget fell by more than {@link #FELL_BY} (a budget a few kW lower measures the container's own
     * control error under its load's swings, not how it follows the limit).
     */
    private static void siteLimits(SiteRig rig, int trials) throws Exception {
        Slowest committed = new Slowest();
        Slowest committedFell = new Slowest();
        Slowest importedFell = new Slowest();
        double lowestKw = Double.POSITIVE_INFINITY;
        for (int i = 0; i < trials; i++) {
            Thread.sleep(8000); // the containers rise at the coordinator's ramp
            double limitKw = Math.floor(RigSite.AUXILIARIES_KW + RigSite.MARGIN_KW + 0.8 * rig.budgetsKw());
            lowestKw = Math.min(lowestKw, limitKw);
            rig.records().values().forEach(ImportRecord::mark);
            long now = System.currentTimeMillis();
            SiteLimit limit = new SiteLimit("bench-" + i, limitKw, now, now + 600_000, "benchmark", "bench", now);
            long written = rig.writeSiteLimits(held -> held.with(limit, now));
            Thread.sleep(2000); // every budget that falls has fallen by then
            SiteRig.await("every lowered container within its new budget", Duration.ofSeconds(20), () -> rig.records()
                    .values().stream().filter(r -> r.loweredSinceMark(0)).allMatch(r -> r.withinLowerMillis() != null
                            && r.committedWithinLowerMillis() != null));
            committed.trial(rig, lowered(rig, 0), r -> r.committedWithinLowerMillis() - written);
            committedFell.trial(rig, lowered(rig, FELL_BY), r -> r.committedWithinLowerMillis() - written);
            importedFell.trial(rig, lowered(rig, FELL_BY), r -> r.withinLowerMillis() - written);
            rig.writeSiteLimits(held -> held.without(limit.id(), System.currentTimeMillis()));
        }
        boolean gateways = !rig.site().gateways.isEmpty();
        System.out.printf(Locale.ROOT, "| Site limit a fifth under the summed budgets (%.0f kW at the lowest) written"
                + " into ZooKeeper, no restart -> every container whose budget fell: its committed load within its new"
                + " budget (%d trials) | %s |%n", lowestKw, trials, committed.summary(gateways));
        System.out.printf(Locale.ROOT, "| The same trials, the containers whose budget fell by more than %.0f %%: their"
                + " committed load within it | %s |%n", 100 * FELL_BY, committedFell.summary(gateways));
        System.out.printf(Locale.ROOT, "| The same, their import within it | %s |%n", importedFell.summary(gateways));
    }

    /** The records of the containers whose budget fell by more than {@code share} since the mark. */
    private static Map<String, ImportRecord> lowered(SiteRig rig, double share) {
        Map<String, ImportRecord> lowered = new LinkedHashMap<>(rig.records());
        lowered.values().removeIf(r -> !r.loweredSinceMark(share));
        return lowered;
    }

    /** Per trial the slowest agent and the slowest full gateway for one measure, and the slowest container seen. */
    private static final class Slowest {
        final List<Long> all = new ArrayList<>();
        final List<Long> agents = new ArrayList<>();
        final List<Long> gateways = new ArrayList<>();
        String slowest = "";
        long slowestMillis = -1;

        /** A group without a container in {@code records} adds nothing for this trial. */
        void trial(SiteRig rig, Map<String, ImportRecord> records, ToLongFunction<ImportRecord> took) {
            long agentsMax = -1;
            long gatewaysMax = -1;
            for (Map.Entry<String, ImportRecord> e : records.entrySet()) {
                long millis = took.applyAsLong(e.getValue());
                if (rig.site().gateways.contains(e.getKey())) {
                    gatewaysMax = Math.max(gatewaysMax, millis);
                } else {
                    agentsMax = Math.max(agentsMax, millis);
                }
                if (millis > slowestMillis) {
                    slowest = e.getKey();
                    slowestMillis = millis;
                }
            }
            if (agentsMax >= 0) {
                agents.add(agentsMax);
            }
            if (gatewaysMax >= 0) {
                gateways.add(gatewaysMax);
            }
            if (!records.isEmpty()) {
                all.add(Math.max(agentsMax, gatewaysMax));
            }
        }

        String summary(boolean withGateways) {
            return String.format(Locale.ROOT, "%s; the agents alone %s; the full gateways alone (seen in their reports,"
                    + " every 500 ms) %s; slowest %s (%d ms)", of(all), of(agents), withGateways ? of(gateways) : "-",
                    slowest, slowestMillis);
        }

        /** p50 and p99 of the trials that had a container of the group (all of them, unless said). */
        private String of(List<Long> trials) {
            if (trials.isEmpty()) {
                return "none in any trial";
            }
            return String.format(Locale.ROOT, "p50 %d ms, p99 %d ms%s", percentile(trials, 50), percentile(trials, 99),
                    trials.size() < all.size() ? " (in " + trials.size() + " of " + all.size() + " trials)" : "");
        }
    }

    private static void leaderKills(SiteRig rig, int trials) throws Exception {
        List<Long> takeovers = new ArrayList<>();
        List<Long> shortestLeft = new ArrayList<>();
        int fellBack = 0;
        for (int i = 0; i < trials; i++) {
            Thread.sleep(2000 + 700L * i); // kills at different points of the renewal period
            long before = rig.epoch();
            long now = System.currentTimeMillis();
            long left = rig.agents().stream().map(a -> a.status(now)).mapToLong(SiteLeaseStatus::expiresAtMillis)
                    .min().orElseThrow() - now;
            long kill = rig.killLeader();
            SiteRig.await("a lease of the new epoch everywhere", RigSite.LEASE.multipliedBy(2), () -> rig.epoch()
                    > before && rig.agents().stream().allMatch(a -> a.record().firstLeasedMillis(rig.epoch()) != null));
            long epoch = rig.epoch();
            takeovers.add(rig.agents().stream().mapToLong(a -> a.record().firstLeasedMillis(epoch)).min()
                    .orElseThrow() - kill);
            shortestLeft.add(left);
            fellBack += SiteImport.fellBack(rig.records(), kill / 1000, System.currentTimeMillis() / 1000).size();
        }
        System.out.printf(Locale.ROOT, "| Active coordinator kill -9 -> first lease of the standby (%d trials) |"
                + " p50 %d ms, max %d ms; shortest lease left at the kill: min %d ms; containers fallen back: %d |%n",
                trials, percentile(takeovers, 50), Collections.max(takeovers), Collections.min(shortestLeft),
                fellBack);
    }

    /** The broker killed for 2 s and started again: how long until every agent holds a lease issued after it. */
    private static void brokerRestart(SiteRig rig) throws Exception {
        long from = System.currentTimeMillis();
        rig.restartBroker(Duration.ofSeconds(2));
        long back = System.currentTimeMillis();
        SiteRig.await("every agent renewed after the restart", RigSite.LEASE, () -> rig.agents().stream()
                .allMatch(a -> a.status(System.currentTimeMillis()).acceptedAtMillis() > back));
        long renewed = System.currentTimeMillis() - back;
        System.out.printf(Locale.ROOT, "| Broker killed for 2 s and restarted | every agent renewed %d ms after it was"
                + " back; containers fallen back: %d; highest summed import %.0f kW of %.0f kW available |%n", renewed,
                SiteImport.fellBack(rig.records(), from / 1000 + 1, System.currentTimeMillis() / 1000).size(),
                SiteImport.highest(List.copyOf(rig.records().values()), from / 1000,
                        System.currentTimeMillis() / 1000), rig.site().availableKw(rig.capKw()));
    }

    /** One agent's link cut until it falls back, then restored: when it fell back and how soon it was leased again. */
    private static void linkCut(SiteRig rig) throws Exception {
        ContainerAgent cut = rig.agents().get(7);
        long from = System.currentTimeMillis();
        cut.cutLink();
        SiteRig.await(cut.id() + " on its fallback share", RigSite.LEASE.plusSeconds(2),
                () -> cut.state(System.currentTimeMillis()).equals("FALLBACK"));
        long fellBack = System.currentTimeMillis() - from;
        cut.restoreLink();
        long restored = System.currentTimeMillis();
        SiteRig.await(cut.id() + " leased again", RigSite.RENEW_EVERY.plusSeconds(5),
                () -> cut.state(System.currentTimeMillis()).equals("LEASED"));
        System.out.printf(Locale.ROOT, "| One container's link cut (%s) | on its fallback share %d ms after the cut"
                + " (lease %d s); leased again %d ms after the link came back; highest summed import %.0f kW of %.0f kW"
                + " available |%n", cut.id(), fellBack, RigSite.LEASE.toSeconds(),
                System.currentTimeMillis() - restored, SiteImport.highest(List.copyOf(rig.records().values()),
                        from / 1000, System.currentTimeMillis() / 1000), rig.site().availableKw(rig.capKw()));
    }

    private static void quorumLoss(SiteRig rig) throws Exception {
        long lost = System.currentTimeMillis();
        rig.loseQuorum();
        SiteRig.await("every agent on its fallback share", RigSite.LEASE.plusSeconds(10), () -> rig.agents().stream()
                .allMatch(a -> a.state(System.currentTimeMillis()).equals("FALLBACK")));
        long fallen = System.currentTimeMillis() - lost;
        long lastAccepted = rig.agents().stream().mapToLong(a -> a.status(System.currentTimeMillis())
                .acceptedAtMillis()).max().orElseThrow() - lost;
        double available = rig.site().availableKw(rig.capKw());
        double highest = SiteImport.highest(List.copyOf(rig.records().values()), lost / 1000,
                System.currentTimeMillis() / 1000);
        rig.restoreQuorum();
        long restored = System.currentTimeMillis();
        SiteRig.await("every container leased again", Duration.ofSeconds(30), rig::allLeased);
        System.out.printf(Locale.ROOT, "| ZooKeeper quorum lost (2 of 3 servers stopped) | last lease accepted at %+d ms"
                + " (0 = the loss); every agent on its fallback share after %d ms; highest summed import %.0f kW of %.0f kW"
                + " available; all leased again %d ms after the quorum returned |%n", lastAccepted, fallen, highest,
                available, System.currentTimeMillis() - restored);
    }

    /** Nearest rank. */
    static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
