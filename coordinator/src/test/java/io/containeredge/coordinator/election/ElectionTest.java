package io.containeredge.coordinator.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.coordinator.Coordinator;
import io.containeredge.coordinator.RecordingPublisher;
import io.containeredge.coordinator.SiteView;
import io.containeredge.coordinator.TestSites;
import io.containeredge.coordinator.report.ReportBook;
import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.CoordinatorConfig.Container;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteReport;
import io.containeredge.site.api.SiteTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two coordinators against a real ZooKeeper server: one issues, a takeover takes a new epoch, a suspension stops. */
class ElectionTest {

    private static final byte[] SECRET = new byte[32];
    private TestingServer zookeeper;
    private CoordinatorConfig config;

    @BeforeEach
    void startZooKeeper() throws Exception {
        zookeeper = new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, 200, -1), true);
        CoordinatorConfig base = TestSites.site(1000, 0, List.of(new Container("c-01", 400),
                new Container("c-02", 400)), zookeeper.getConnectString(), List.of("tcp://127.0.0.1:1"));
        // quick rounds, and a session short enough for the test (the server's tick is 200 ms)
        config = new CoordinatorConfig(base.site(), base.poi(), base.containers(),
                new CoordinatorConfig.Leases(Duration.ofSeconds(3), Duration.ofMillis(300)),
                new CoordinatorConfig.Allocation(Duration.ofMillis(100), 100), base.reports(),
                new CoordinatorConfig.ZooKeeper(zookeeper.getConnectString(), Duration.ofMillis(1500), "/ce-test"),
                base.mqtt(), base.signing(), base.dashboard(), base.requests());
    }

    @AfterEach
    void stopZooKeeper() throws Exception {
        zookeeper.close();
    }

    private Coordinator coordinator(String id, RecordingPublisher publisher) throws Exception {
        return coordinator(id, publisher, new ReportBook(config, System::currentTimeMillis));
    }

    private Coordinator coordinator(String id, RecordingPublisher publisher, ReportBook reports) throws Exception {
        Coordinator c = new Coordinator(config, SECRET, Map.of(), id, publisher, reports, System::currentTimeMillis);
        c.start();
        return c;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void oneIssuesTheOtherStandsByAndATakeoverTakesAHigherEpoch() throws Exception {
        RecordingPublisher first = new RecordingPublisher();
        RecordingPublisher second = new RecordingPublisher();
        Coordinator a = coordinator("a", first);
        await("a active", a::active);
        Coordinator b = coordinator("b", second);
        await("a's leases", () -> first.count() >= 4);
        await("both in the election", () -> b.view().participants().size() == 2);
        SiteView standby = b.view();
        assertFalse(standby.active());
        assertEquals("a", standby.leaderId());
        assertEquals(List.of("a", "b"), standby.participants());
        assertEquals(0, second.count(), "a standby publishes nothing");
        long firstEpoch = first.lastEpoch();
        SiteLease lease = first.leases().get(0);
        assertEquals(400, lease.budgetKw(), 1e-9, "no reports: the containers stay on their shares");
        assertEquals(3000, lease.expiresAtMillis() - lease.issuedAtMillis());

        a.close();
        int sentByA = first.count();
        await("b takes over", () -> b.active() && second.count() > 0);
        assertEquals(firstEpoch + 1, second.lastEpoch());
        assertEquals(sentByA, first.count(), "a closed sends nothing more");
        b.close();
    }

    @Test
    void aNewLeaderStartsFromTheBudgetsTheContainersReportHolding() throws Exception {
        ReportBook reports = new ReportBook(config, System::currentTimeMillis);
        long now = System.currentTimeMillis();
        SiteReport leased = new SiteReport(TestSites.SITE, "c-01", now, 340, 340, 900, 0, 0,
                List.of(TestSites.offer(800, 0.05)), 400, new SiteReport.LeaseState(3, 17, 350, now + 20_000, "LEASED"),
                null);
        reports.accept(SiteTopics.report(TestSites.SITE, "c-01"), leased.toJson());
        RecordingPublisher publisher = new RecordingPublisher();
        Coordinator a = coordinator("a", publisher, reports);
        await("a's first round", () -> publisher.count() >= 2);
        // c-01 held 350 kW: it rises from there by one period of ramp (100 kW/s x 100 ms), not from its 400 kW share
        assertEquals(360, publisher.leases().get(0).budgetKw(), 1e-9);
        assertEquals(400, publisher.leases().get(1).budgetKw(), 1e-9, "c-02 never reported: its share");
        a.close();
    }

    @Test
    void aSuspendedConnectionStopsIssuingAtOnceAndLeadershipComesBackWithANewEpoch() throws Exception {
        RecordingPublisher publisher = new RecordingPublisher();
        Coordinator a = coordinator("a", publisher);
        await("a's leases", () -> publisher.count() >= 2);
        long before = publisher.lastEpoch();

        zookeeper.stop();
        await("a stops", () -> !a.active());
        int sent = publisher.count();
        Thread.sleep(700);
        assertTrue(publisher.count() <= sent + config.containers().size(),
                "at most the round under way when the connection went");

        zookeeper.restart();
        await("a leads again", () -> a.active() && publisher.lastEpoch() > before);
        assertEquals(before + 1, publisher.lastEpoch());
        a.close();
    }
}
