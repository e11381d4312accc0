package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.cloud.interop.NodeSparkplugDecoder;
import io.containeredge.cloud.mqtt.MosquittoBroker;
import io.containeredge.cloud.mqtt.TcpGate;
import io.containeredge.e2e.SparkplugHost.Received;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.tahu.message.model.Metric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled gateway as a Sparkplug B edge node against a real Mosquitto with TLS and a password,
 * as on a site. The gateway reaches the broker through a {@link TcpGate}, so a test can hold it back
 * after an outage until the operations centre (the {@link SparkplugHost}) is subscribed again: with
 * clean sessions, what the broker receives before that reaches nobody, which is not the gateway's loss.
 * Every second is a full refresh here, so each second of data is one DDATA per device: a lost
 * message shows as a gap in the cdu's timestamps.
 */
class CloudEndToEndTest {

    private static final String CDU = "cdu";
    private static final String HOST_ID = "ops-centre";

    @TempDir
    Path work;
    private CloudSite site;
    private RunningContainer container;

    @BeforeEach
    void setUp() throws Exception {
        site = CloudSite.start(work, "full.refresh.s=1\n");
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (container != null) {
                container.close();
            }
        } finally {
            site.close();
        }
    }

    @Test
    void telemetryOverTlsDecodesWithTahuAndWithAnIndependentDecoder() throws Exception {
        container = site.startContainer(work);
        SparkplugHost host = site.host();
        Received nbirth = host.await("NBIRTH", r -> r.is("NBIRTH", null), 0, Duration.ofSeconds(60));
        assertNotNull(nbirth.metric("bdSeq"), "NBIRTH carries bdSeq");
        assertEquals(0L, nbirth.sparkplug().getSeq(), "NBIRTH has seq 0");
        assertNotNull(nbirth.metric("Queue/Thinned"), "the thinning counter is a node metric");
        Received dbirth = host.await("DBIRTH of the cdu", r -> r.is("DBIRTH", CDU), 0, Duration.ofSeconds(60));
        Metric supply = dbirth.metric("supply_temp");
        assertNotNull(supply, "cdu DBIRTH has supply_temp");
        Received ddata = host.await("DDATA of the cdu", r -> r.is("DDATA", CDU), 0, Duration.ofSeconds(30));
        Metric live = ddata.sparkplug().getMetrics().stream()
                .filter(m -> supply.getAlias().equals(m.getAlias())).findFirst().orElseThrow();
        assertFalse(live.hasName(), "live data goes by alias");
        assertEquals(supply.getDataType(), live.getDataType());

        JsonNode decoded = NodeSparkplugDecoder.decode(List.of(nbirth.raw(), dbirth.raw(), ddata.raw()), work);
        assertEquals(nbirth.sparkplug().getMetrics().size(), decoded.get(0).get("metrics").size());
        JsonNode birthSupply = find(decoded.get(1), "supply_temp");
        assertEquals(supply.getAlias().longValue(), birthSupply.get("alias").asLong());
        if (supply.getValue() == null) {
            // the birth went out before the cdu's first good reading: both decoders must say "null", not a number
            assertTrue(Boolean.TRUE.equals(supply.isNull()), "Tahu marks the unread supply_temp as null");
            assertTrue(birthSupply.path("value").isNull(), "the independent decoder reads null too: " + birthSupply);
        } else {
            assertEquals(((Number) supply.getValue()).doubleValue(), birthSupply.get("value").asDouble(), 1e-9);
        }
        assertEquals(ddata.sparkplug().getSeq().longValue(), decoded.get(2).get("seq").asLong());
        boolean aliasFound = false;
        for (JsonNode m : decoded.get(2).get("metrics")) {
            aliasFound |= m.get("alias").asLong() == supply.getAlias();
        }
        assertTrue(aliasFound, "the independent decoder reads the DDATA's aliases: " + decoded.get(2));
    }

    @Test
    void brokerOutageLosesNoSecondOfDataAndTheBacklogComesBackHistoricalInOrder() throws Exception {
        container = site.startContainer(work);
        SparkplugHost host = site.host();
        host.await("DDATA of the cdu", r -> r.is("DDATA", CDU), 0, Duration.ofSeconds(60));
        Thread.sleep(3000);

        long down = System.currentTimeMillis();
        site.outage(Duration.ofSeconds(10)); // broker killed, restarted, host back, gate opened
        long up = System.currentTimeMillis();

        host.await("historical cdu data", r -> r.is("DDATA", CDU) && historical(r), 0, Duration.ofSeconds(60));
        List<Long> seconds = awaitContinuousCdu(host, down - 2000, up + 3000);
        assertTrue(seconds.size() >= 12, "one DDATA per second through the outage: " + seconds);
        assertOrderedPerLane(host);
    }

    @Test
    void gatewayKilledDuringAnOutageLosesNothingItHadQueued() throws Exception {
        container = site.startContainer(work);
        SparkplugHost host = site.host();
        host.await("DDATA of the cdu", r -> r.is("DDATA", CDU), 0, Duration.ofSeconds(60));

        site.gate().shut(); // the link is down; the gateway queues
        long down = System.currentTimeMillis();
        Thread.sleep(8000);
        container.gateway().kill();
        long killed = System.currentTimeMillis();
        container.startGateway(); // same --data: the queue it left behind
        Thread.sleep(2000);
        site.gate().open();

        host.await("historical cdu data", r -> r.is("DDATA", CDU) && historical(r), 0, Duration.ofSeconds(60));
        // the second before the kill may not have been queued yet: that is the gateway dying, not losing
        List<Long> seconds = awaitContinuousCdu(host, down - 2000, killed - 1500);
        assertTrue(seconds.size() >= 5, "the seconds queued before the kill arrived: " + seconds);
    }

    /**
     * Following a Sparkplug 3.0 primary host ({@code primary.host.id}): while the host's STATE says offline the
     * broker stays up and would acknowledge everything, yet nothing leaves the gateway's queue; when the host is
     * back, births come first and then every second of the gap, historical, by alias only.
     */
    @Test
    void whileThePrimaryHostIsOfflineNothingLeavesTheQueueAndItArrivesHistoricalWhenTheHostIsBack() throws Exception {
        site.close(); // this one follows a primary host
        site = CloudSite.start(work.resolve("primary-host"), "full.refresh.s=1\nprimary.host.id=" + HOST_ID + "\n");
        SparkplugHost host = site.host();
        container = site.startContainer(work);
        Thread.sleep(5000);
        assertTrue(host.received().stream().noneMatch(r -> r.topic().startsWith("spBv1.0/")),
                "no STATE from the host yet: not even an NBIRTH " + host.received().stream().map(Received::topic).toList());

        host.state(HOST_ID, true);
        host.await("NBIRTH once the host is online", r -> r.is("NBIRTH", null), 0, Duration.ofSeconds(30));
        host.await("DDATA of the cdu", r -> r.is("DDATA", CDU), 0, Duration.ofSeconds(30));
        Thread.sleep(2000);

        int before = host.count();
        long down = System.currentTimeMillis();
        host.state(HOST_ID, false); // the broker stays up
        host.await("NDEATH when the host goes offline", r -> r.is("NDEATH", null), before, Duration.ofSeconds(15));
        Thread.sleep(10_000);
        int whileOffline = host.count();
        long sparkplugWhileOffline = host.received().subList(before, whileOffline).stream()
                .filter(r -> r.topic().startsWith("spBv1.0/") && !r.is("NDEATH", null)
                        && r.arrivedMillis() > down + 2000).count();
        assertTrue(sparkplugWhileOffline == 0, sparkplugWhileOffline + " Sparkplug messages published to a broker with"
                + " no primary host: acknowledged by it, deleted from the queue, read by nobody");

        long up = System.currentTimeMillis();
        host.state(HOST_ID, true);
        host.await("NBIRTH again when the host is back", r -> r.is("NBIRTH", null), whileOffline, Duration.ofSeconds(30));
        host.await("historical cdu data", r -> r.is("DDATA", CDU) && historical(r), whileOffline,
                Duration.ofSeconds(60));
        List<Long> seconds = awaitContinuousCdu(host, down - 1000, up);
        assertTrue(seconds.size() >= 9, "every second of the host's absence arrived: " + seconds);

        for (Received r : host.received()) {
            if (r.is("DDATA", null) || r.is("NDATA", null)) {
                for (Metric m : r.sparkplug().getMetrics()) {
                    assertFalse(m.hasName(), "data goes by alias only, live and historical: " + m.getName() + " on "
                            + r.topic());
                }
            }
        }
    }

    private static boolean historical(Received r) {
        return r.sparkplug().getMetrics().stream().anyMatch(m -> Boolean.TRUE.equals(m.getIsHistorical()));
    }

    /**
     * Waits until the cdu's DDATA timestamps cover {@code [from, to]} without a gap over 2.2 s (a 1 s
     * tick plus scheduling jitter), de-duplicated; returns them.
     */
    private static List<Long> awaitContinuousCdu(SparkplugHost host, long from, long to) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String problem = "";
        while (System.nanoTime() < deadline) {
            TreeSet<Long> stamps = new TreeSet<>();
            for (Received r : host.received()) {
                if (r.is("DDATA", CDU)) {
                    stamps.add(r.sparkplug().getTimestamp().getTime());
                }
            }
            List<Long> window = new ArrayList<>(stamps.subSet(from, true, to, true));
            problem = gapIn(window, from, to);
            if (problem.isEmpty()) {
                return window;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("cdu data incomplete: " + problem);
    }

    private static String gapIn(List<Long> stamps, long from, long to) {
        if (stamps.isEmpty()) {
            return "nothing between " + from + " and " + to;
        }
        long previous = from;
        for (long t : stamps) {
            if (t - previous > 2200) {
                return "gap of " + (t - previous) + " ms before " + t;
            }
            previous = t;
        }
        return to - previous > 2200 ? "nothing in the last " + (to - previous) + " ms" : "";
    }

    /** The backlog lane and the live lane each arrive in timestamp order for a device. */
    private static void assertOrderedPerLane(SparkplugHost host) {
        long lastHistorical = Long.MIN_VALUE;
        long lastLive = Long.MIN_VALUE;
        TreeSet<Long> seen = new TreeSet<>();
        for (Received r : host.received()) {
            if (!r.is("DDATA", CDU)) {
                continue;
            }
            long t = r.sparkplug().getTimestamp().getTime();
            if (!seen.add(t)) {
                continue; // a re-sent duplicate, which the consumer drops
            }
            if (historical(r)) {
                assertTrue(t > lastHistorical, "historical cdu data out of order at " + t);
                lastHistorical = t;
            } else {
                assertTrue(t > lastLive, "live cdu data out of order at " + t);
                lastLive = t;
            }
        }
    }

    private static JsonNode find(JsonNode payload, String name) {
        for (JsonNode m : payload.get("metrics")) {
            if (name.equals(m.path("name").asText(null))) {
                return m;
            }
        }
        throw new AssertionError("no metric " + name + " in " + payload);
    }
}
