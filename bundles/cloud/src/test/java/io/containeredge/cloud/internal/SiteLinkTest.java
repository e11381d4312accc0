package io.containeredge.cloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.cloud.mqtt.ConnectionHooks;
import io.containeredge.cloud.mqtt.MosquittoBroker;
import io.containeredge.cloud.mqtt.MqttSettings;
import io.containeredge.cloud.mqtt.QueuePublisher;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.cloud.queue.OutboundQueue;
import io.containeredge.cloud.remote.LeaseIntake;
import io.containeredge.cloud.remote.RequestKeys;
import io.containeredge.control.testing.MemoryAuditTrail;
import io.containeredge.control.testing.RecordingControlService;
import io.containeredge.gateway.api.AuditRecord;
import io.containeredge.site.api.GridSettings;
import io.containeredge.site.api.SignedText;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteLeaseSettings;
import io.containeredge.site.api.SiteReport;
import io.containeredge.site.api.SiteTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's link to the site coordinator against a real Mosquitto: leases signed as the coordinator signs them
 * reach the controller, the others are refused and audited, and the controller's report goes out every reportEvery.
 */
class SiteLinkTest {

    private static final byte[] COORD_SECRET = "site-coordinator-secret-of-32-bytes-or-more".getBytes(
            StandardCharsets.UTF_8);
    private static final byte[] OPS_SECRET = "operations-secret-of-at-least-32-bytes-long".getBytes(
            StandardCharsets.UTF_8);
    private static final SiteLeaseSettings SETTINGS = new SiteLeaseSettings(400, Duration.ofMillis(500),
            Duration.ofSeconds(10), Duration.ofSeconds(5));

    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private OutboundQueue queue;
    private QueuePublisher publisher;
    private ScheduledExecutorService timer;
    private MqttClient coordinator;
    private final List<MqttMessage> reports = new CopyOnWriteArrayList<>();
    private final MemoryAuditTrail audit = new MemoryAuditTrail();
    private final RecordingControlService control = RecordingControlService.forSite(2200)
            .siteLease("site-a", "c-01", SETTINGS).build();
    private long seq;

    @BeforeEach
    void setUp() throws Exception {
        broker = new MosquittoBroker(dir).start();
        queue = OutboundQueue.open(dir.resolve("queue.db"), 16L << 20);
        SiteConfig site = new SiteConfig("site-a", "c-01", "", List.of(), List.of(), null, null, null, null, null,
                Optional.empty(), Optional.empty(), Optional.empty(), GridSettings.NONE, Optional.of(SETTINGS));
        RequestKeys keys = RequestKeys.parse("coord=" + Base64.getEncoder().encodeToString(COORD_SECRET)
                + ":site.lease", "ops=" + Base64.getEncoder().encodeToString(OPS_SECRET) + ":curtail");
        SiteLink link = SiteLink.forSite(site, () -> new LeaseIntake("site-a", "c-01", keys, () -> control,
                () -> audit, System::currentTimeMillis));
        publisher = new QueuePublisher(queue, MqttSettings.of(List.of(broker.uri()), "gateway-c-01"),
                new ConnectionHooks() {
                    @Override
                    public MqttSettings.Will willForNextConnect() {
                        return null;
                    }

                    @Override
                    public List<OutboundMessage> onConnected() {
                        return List.of();
                    }

                    @Override
                    public List<String> subscriptions() {
                        return link.subscriptions();
                    }

                    @Override
                    public void messageArrived(String topic, byte[] payload) {
                        link.handled(topic, payload);
                    }
                });
        publisher.start();
        timer = Executors.newSingleThreadScheduledExecutor();
        link.startReports(timer, () -> control, publisher);
        coordinator = new MqttClient(broker.uri(), "coordinator", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        coordinator.connect(o);
        coordinator.subscribe(SiteTopics.reports("site-a"), 1, (topic, m) -> reports.add(m));
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            timer.shutdownNow();
            coordinator.disconnect();
            coordinator.close();
            publisher.close();
            queue.close();
        } finally {
            broker.stop();
        }
    }

    private static byte[] envelope(String keyId, byte[] secret, String body) {
        return ("{\"keyId\":\"" + keyId + "\",\"body\":" + quoted(body) + ",\"signature\":\""
                + SignedText.signHex(secret, body) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private String lease(String container) {
        long now = System.currentTimeMillis();
        return new SiteLease("site-a", container, 1, ++seq, 900, 400, now, now + 30_000).toJson();
    }

    private void send(byte[] payload) throws Exception {
        coordinator.publish(SiteTopics.lease("site-a", "c-01"), payload, 1, false);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for: " + what);
            Thread.sleep(10);
        }
    }

    private boolean leased() {
        return control.siteLease().orElseThrow().state().equals("LEASED");
    }

    /** Sends signed leases until one is taken: the gateway subscribes once it is connected. */
    private void leaseTaken() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!leased()) {
            assertTrue(System.nanoTime() < deadline, "no lease taken");
            send(envelope("coord", COORD_SECRET, lease("c-01")));
            Thread.sleep(100);
        }
    }

    @Test
    void aSignedLeaseReachesTheControllerAndTheReportsGoOut() throws Exception {
        leaseTaken();
        assertEquals(900, control.siteLease().orElseThrow().budgetKw());
        assertTrue(control.calls().stream().anyMatch(c -> c.startsWith("acceptLease c-01 1/") && c.endsWith(
                " mqtt:coord")), control.calls().toString());
        assertTrue(audit.after(0, 10).isEmpty(), "an accepted lease is not audited: " + audit.after(0, 10));
        await("a report with the lease", () -> reports.stream().anyMatch(m -> SiteReport.fromJson(new String(
                m.getPayload(), StandardCharsets.UTF_8)).lease() != null));
        MqttMessage last = reports.get(reports.size() - 1);
        SiteReport r = SiteReport.fromJson(new String(last.getPayload(), StandardCharsets.UTF_8));
        assertEquals("c-01", r.container());
        assertEquals("LEASED", r.lease().state());
        assertEquals(0, last.getQos());
        assertFalse(last.isRetained());
    }

    @Test
    void wrongSignaturesOtherContainersAndKeysWithoutTheScopeAreRefusedAndAudited() throws Exception {
        leaseTaken();
        int accepted = control.calls().size();
        String body = lease("c-01");
        send(envelope("coord", OPS_SECRET, body));
        send(envelope("coord", COORD_SECRET, lease("c-02")));
        send(envelope("ops", OPS_SECRET, lease("c-01")));
        await("three refusals audited", () -> audit.after(0, 10).size() == 3);
        List<AuditRecord> refused = audit.after(0, 10);
        assertEquals(List.of("unknown", "coord", "ops"), refused.stream().map(AuditRecord::actor).toList());
        assertTrue(refused.stream().allMatch(a -> a.action().equals("command.site.lease")
                && a.outcome().equals("rejected")), refused.toString());
        assertTrue(refused.get(0).detail().contains("wrong signature"), refused.get(0).detail());
        assertTrue(refused.get(1).detail().contains("lease for site-a/c-02, this is site-a/c-01"),
                refused.get(1).detail());
        assertTrue(refused.get(2).detail().contains("may not sign site.lease"), refused.get(2).detail());
        assertEquals(accepted, control.calls().size(), "none reached the controller");
    }
}
