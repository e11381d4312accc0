package io.containeredge.e2e.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.SiteLeaseStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site's faults on the scale rig (100 containers: 2 full gateways and 98 agents, 2 coordinator processes, a
 * three-server ZooKeeper ensemble, Mosquitto), one rig for all, the scenarios in order. Each asserts on the
 * containers' second-by-second import records: the summed import under the POI cap (less the auxiliaries) at every
 * second, and who fell back when.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteFaultsTest {

    private static final Duration LEASE = RigSite.LEASE;
    @TempDir
    static Path dir;
    private static SiteRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = SiteRig.start(dir, 2, 98);
    }

    @AfterAll
    static void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Order(1)
    void aLowerCapBringsEveryContainerWithinItsNewBudget() throws Exception {
        long before = rig.epoch();
        rig.changeCap(RigSite.CAP_LOW_KW);
        SiteRig.await("a lease of the new leader's epoch everywhere", Duration.ofSeconds(10),
                () -> rig.epoch() > before && everyone(r -> r.firstWithinMillis(rig.epoch()) != null));
        long epoch = rig.epoch();
        long firstLease = Long.MAX_VALUE;
        long lastWithin = 0;
        for (ContainerAgent agent : rig.agents()) {
            firstLease = Math.min(firstLease, agent.record().firstLeasedMillis(epoch));
            lastWithin = Math.max(lastWithin, agent.record().firstWithinMillis(epoch));
        }
        assertTrue(lastWithin - firstLease <= 2000, "every agent within its new budget "
                + (lastWithin - firstLease) + " ms after the first lease of epoch " + epoch);
        for (String gateway : rig.site().gateways) {
            SiteRig.await(gateway + "'s committed load within its new budget", Duration.ofSeconds(10),
                    () -> rig.records().get(gateway).firstCommittedWithinMillis(epoch) != null);
            long committed = rig.records().get(gateway).firstCommittedWithinMillis(epoch) - firstLease;
            assertTrue(committed <= 2000, gateway + "'s committed load within its new budget " + committed
                    + " ms after the first lease of epoch " + epoch + " (seen in its reports, every 500 ms)");
        }
        long everyoneWithin = rig.records().values().stream().mapToLong(r -> r.firstWithinMillis(epoch)).max()
                .orElseThrow(); // the full gateways too: their miners shed over a few control cycles
        Thread.sleep(3000); // time to see nothing rise above the new cap
        long from = everyoneWithin / 1000 + 1;
        assertEquals(List.of(), SiteImport.above(List.copyOf(rig.records().values()), from, now() - 1,
                rig.site().availableKw(RigSite.CAP_LOW_KW)), "seconds above the new cap, from " + from);
    }

    @Test
    @Order(2)
    void aKilledLeadersStandbyRenewsBeforeAnyLeaseExpires() throws Exception {
        long before = rig.epoch();
        String killed = rig.leaderId();
        long kill = rig.killLeader();
        SiteRig.await("a lease of the new epoch everywhere", LEASE,
                () -> rig.epoch() > before && everyone(r -> r.firstLeasedMillis(rig.epoch()) != null));
        long epoch = rig.epoch();
        long takeover = rig.agents().stream().mapToLong(a -> a.record().firstLeasedMillis(epoch)).min().orElseThrow()
                - kill;
        assertTrue(takeover < LEASE.toMillis() - RigSite.RENEW_EVERY.toMillis(), "the standby of " + killed
                + " renewed " + takeover + " ms after the kill, before the shortest lease left could end");
        assertEquals(List.of(), SiteImport.fellBack(rig.records(), kill / 1000, now()), "fell back");
        assertEquals(List.of(), SiteImport.above(List.copyOf(rig.records().values()), kill / 1000, now(),
                rig.site().availableKw(rig.capKw())));
    }

    @Test
    @Order(3)
    void withoutAZooKeeperQuorumTheCoordinatorsStopAndTheContainersFallBackUnderTheCap() throws Exception {
        long lost = System.currentTimeMillis();
        rig.loseQuorum();
        SiteRig.await("every agent on its fallback share", LEASE.plusSeconds(6),
                () -> rig.agents().stream().allMatch(a -> a.state(System.currentTimeMillis()).equals("FALLBACK")));
        long fallen = System.currentTimeMillis();
        for (ContainerAgent agent : rig.agents()) {
            SiteLeaseStatus status = agent.status(fallen);
            assertTrue(status.acceptedAtMillis() <= lost + 1000, agent.id() + " accepted a lease "
                    + (status.acceptedAtMillis() - lost) + " ms after the quorum was lost");
        }
        assertEquals(List.of(), SiteImport.above(List.copyOf(rig.records().values()), lost / 1000, now(),
                rig.site().availableKw(rig.capKw())), "seconds above the cap");
        rig.restoreQuorum();
        SiteRig.await("every container leased again", Duration.ofSeconds(20), rig::allLeased);
    }

    @Test
    @Order(4)
    void aBrokerRestartLeavesEveryContainerLeased() throws Exception {
        long from = System.currentTimeMillis();
        rig.restartBroker(Duration.ofSeconds(2));
        SiteRig.await("every agent renewed after the restart", LEASE, () -> rig.agents().stream()
                .allMatch(a -> a.status(System.currentTimeMillis()).acceptedAtMillis() > from + 2000));
        // from the second after the restart began: the one it began in may still hold the scenario before's tail
        assertEquals(List.of(), SiteImport.fellBack(rig.records(), from / 1000 + 1, now()), "fell back");
        assertEquals(List.of(), SiteImport.above(List.copyOf(rig.records().values()), from / 1000, now(),
                rig.site().availableKw(rig.capKw())));
    }

    @Test
    @Order(5)
    void aContainerCutOffFallsBackAndRejoins() throws Exception {
        ContainerAgent cut = rig.agents().get(7);
        long from = System.currentTimeMillis();
        cut.cutLink();
        SiteRig.await(cut.id() + " on its fallback share", LEASE.plusSeconds(2),
                () -> cut.state(System.currentTimeMillis()).equals("FALLBACK"));
        cut.restoreLink();
        SiteRig.await(cut.id() + " leased again", RigSite.RENEW_EVERY.plusSeconds(3),
                () -> cut.state(System.currentTimeMillis()).equals("LEASED"));
        Map<String, ImportRecord> others = rig.records();
        others.remove(cut.id());
        assertEquals(List.of(), SiteImport.fellBack(others, from / 1000 + 1, now()), "others fell back");
        assertEquals(List.of(), SiteImport.above(List.copyOf(rig.records().values()), from / 1000, now(),
                rig.site().availableKw(rig.capKw())));
    }

    @Test
    @Order(6)
    void aSiteLimitSetOnTheCommandLineHoldsTheSiteUnderItAndItsEndLetsItRise() throws Exception {
        double limitKw = RigSite.CAP_LOW_KW - 2000;
        double underKw = rig.site().availableKw(limitKw);
        long set = rig.siteLimitCommand("--set-limit", "utility-order-1", "--kw", String.valueOf(limitKw), "--until",
                "+30m", "--reason", "utility curtailment order");
        SiteRig.await("the budgets under the limit", Duration.ofSeconds(5), () -> rig.budgetsKw() <= underKw);
        long lowered = System.currentTimeMillis() - set;
        SiteRig.await("every container within its budget", Duration.ofSeconds(10), () -> everyone(r -> {
            ImportRecord.Second last = r.last().getValue();
            return last.state().equals("LEASED") && last.importKw() <= last.budgetKw() + ImportRecord.WITHIN_KW;
        }));
        long within = System.currentTimeMillis();
        for (ContainerAgent agent : rig.agents()) {
            assertTrue(agent.status(within).fallbackKw() < RigSite.AGENT_SHARE_KW, agent.id()
                    + "'s fallback share not scaled under the limit: " + agent.status(within).fallbackKw());
        }
        assertTrue(lowered <= 2000, "every budget under the limit " + lowered + " ms after the command");
        Thread.sleep(3000); // time to see nothing rise above the limit
        assertEquals(List.of(), SiteImport.above(List.copyOf(rig.records().values()), within / 1000 + 1, now() - 1,
                underKw), "seconds above the site limit");

        rig.siteLimitCommand("--end-limit", "utility-order-1");
        SiteRig.await("the budgets above the limit again", Duration.ofSeconds(20), () -> rig.budgetsKw() > underKw);
        assertTrue(rig.agents().stream().allMatch(a -> a.status(System.currentTimeMillis()).fallbackKw()
                == RigSite.AGENT_SHARE_KW), "the shares back whole");
    }

    private static boolean everyone(java.util.function.Predicate<ImportRecord> test) {
        return rig.records().values().stream().allMatch(test);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
