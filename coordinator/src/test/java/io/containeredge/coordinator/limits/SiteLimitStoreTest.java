package io.containeredge.coordinator.limits;

import static io.containeredge.coordinator.limits.SiteLimitsTest.limit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.coordinator.TestZooKeeper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The limits in a real ZooKeeper server: written with compare-and-set, watched by a running coordinator. */
class SiteLimitStoreTest {

    private static final String SITE_PATH = "/containeredge/test-site";
    private static final long T = System.currentTimeMillis();
    private static final long HOUR = 3_600_000;
    private TestZooKeeper zookeeper;
    private CuratorFramework client;

    @BeforeEach
    void start() throws Exception {
        zookeeper = TestZooKeeper.start();
        client = zookeeper.client();
    }

    @AfterEach
    void stop() throws Exception {
        zookeeper.close();
    }

    @Test
    void aWatchingCoordinatorSeesALimitSetElsewhereAtOnce() throws Exception {
        Semaphore changes = new Semaphore(0);
        try (SiteLimitStore watching = new SiteLimitStore(client, SITE_PATH)) {
            watching.watch(changes::release);
            assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "the first read, of no node");
            assertEquals(new SiteLimitStore.Read(SiteLimits.NONE, null), watching.read());

            SiteLimitStore writer = new SiteLimitStore(client, SITE_PATH);
            writer.update(held -> held.with(limit("ev-1", 9000, T, T + HOUR), T));
            assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "no change seen");
            assertEquals("ev-1", watching.read().limits().inForce(T).orElseThrow().id());

            writer.update(held -> held.without("ev-1", T));
            assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "no change seen");
            assertTrue(watching.read().limits().limits().isEmpty());
        }
    }

    @Test
    void operatorsSettingLimitsAtOnceBothGetTheirs() throws Exception {
        ExecutorService operators = Executors.newFixedThreadPool(4);
        try {
            List<Future<SiteLimits>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                SiteLimit mine = limit("ev-" + i, 9000 - i, T, T + HOUR);
                done.add(operators.submit(() -> new SiteLimitStore(client, SITE_PATH).update(h -> h.with(mine, T))));
            }
            for (Future<SiteLimits> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            operators.shutdownNow();
        }
        SiteLimitStore.Read read = new SiteLimitStore(client, SITE_PATH).readNow();
        assertNull(read.problem());
        assertEquals(8, read.limits().limits().size(), "none lost to another's write");
        assertEquals(8993, read.limits().inForce(T).orElseThrow().kw());
    }

    @Test
    void aNodeWrittenByHandThatDoesNotParseIsReportedAndNotWrittenOver() throws Exception {
        byte[] garbage = "{\"limits\":\"none\"}".getBytes(StandardCharsets.UTF_8);
        client.create().creatingParentsIfNeeded().forPath(SITE_PATH + "/limits", garbage);
        SiteLimitStore store = new SiteLimitStore(client, SITE_PATH);
        Semaphore changes = new Semaphore(0);
        store.watch(changes::release);
        assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS));
        assertTrue(store.read().problem().contains("not an object holding only a \"limits\" array"),
                store.read().problem());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.update(held -> held.with(limit("ev-1", 9000, T, T + HOUR), T)));
        assertTrue(e.getMessage().contains("nothing written over them"), e.getMessage());
        assertEquals("{\"limits\":\"none\"}", new String(client.getData().forPath(SITE_PATH + "/limits"),
                StandardCharsets.UTF_8));
        store.close();
    }

    @Test
    void beforeItsFirstWatchedReadTheStoreReadsZooKeeperItself() throws Exception {
        new SiteLimitStore(client, SITE_PATH).update(held -> held.with(limit("ev-1", 9000, T, T + HOUR), T));
        SiteLimitStore fresh = new SiteLimitStore(client, SITE_PATH);
        assertEquals("ev-1", fresh.read().limits().inForce(T).orElseThrow().id());
        assertEquals("not read from ZooKeeper yet", fresh.lastRead().problem(), "the dashboard never waits");
    }
}
