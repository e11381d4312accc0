package io.containeredge.coordinator.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.cloud.mqtt.MosquittoBroker;
import io.containeredge.coordinator.Coordinator;
import io.containeredge.coordinator.SiteView;
import io.containeredge.coordinator.TestSites;
import io.containeredge.coordinator.TestZooKeeper;
import io.containeredge.coordinator.limits.SiteLimit;
import io.containeredge.coordinator.limits.SiteLimitStore;
import io.containeredge.coordinator.report.ReportBook;
import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.CoordinatorConfig.Container;
import io.containeredge.site.api.SignedText;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteReport;
import io.containeredge.site.api.SiteTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path through a real broker and a real ZooKeeper: a container's report in, its signed lease out; a site limit
 * set in ZooKeeper lowers the next lease at once.
 */
class LeaseOverMosquittoTest {

    private static final byte[] SECRET = "a-test-secret-of-32-bytes-or-so!".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void aReportedContainerGetsASignedLeaseThatVerifiesAndASiteLimitLowersItAtOnce() throws Exception {
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker")).start();
                TestingServer zookeeper = new TestingServer(true)) {
            CoordinatorConfig config = TestSites.site(1000, 0, List.of(new Container("c-01", 300)),
                    zookeeper.getConnectString(), List.of(broker.uri()));
            ReportBook reports = new ReportBook(config, System::currentTimeMillis);
            BlockingQueue<String> leases = new ArrayBlockingQueue<>(16);
            MqttClient container = new MqttClient(broker.uri(), "c-01", new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            container.connect(options);
            container.subscribe(SiteTopics.lease(TestSites.SITE, "c-01"), 1,
                    (topic, message) -> leases.offer(new String(message.getPayload(), StandardCharsets.UTF_8)));
            try (SiteMqtt mqtt = new SiteMqtt(config.mqtt(), "coordinator-a", SiteTopics.reports(TestSites.SITE),
                    SiteTopics.request(TestSites.SITE), 1, reports::accept, payload -> { });
                    Coordinator coordinator = new Coordinator(config, SECRET, Map.of(), "a", mqtt, reports,
                            System::currentTimeMillis)) {
                mqtt.start();
                long deadline = System.currentTimeMillis() + 10_000;
                while (!mqtt.connected() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                SiteReport report = TestSites.report("c-01", System.currentTimeMillis(), 250, 800, 50, 100,
                        List.of(TestSites.offer(500, 0.04)), 300);
                container.publish(SiteTopics.report(TestSites.SITE, "c-01"),
                        report.toJson().getBytes(StandardCharsets.UTF_8), 0, false);
                while (reports.latest().isEmpty() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                coordinator.start();

                String payload = leases.poll(10, TimeUnit.SECONDS);
                assertTrue(payload != null, "no lease within 10 s");
                JsonNode envelope = new ObjectMapper().readTree(payload);
                assertEquals("site-coordinator", envelope.get("keyId").asText());
                String body = envelope.get("body").asText();
                assertTrue(SignedText.matches(SECRET, body, envelope.get("signature").asText()));
                SiteLease lease = SiteLease.fromJson(body);
                assertEquals(TestSites.SITE, lease.site());
                assertEquals("c-01", lease.container());
                assertEquals(300, lease.fallbackKw(), 1e-9);
                // a new leader starts from the share and rises by the ramp over its first period (100 kW/s x 2 s)
                assertEquals(500, lease.budgetKw(), 1e-9);
                SiteView view = coordinator.view();
                assertEquals("LEASED", view.containers().get(0).state());
                assertEquals(250, view.importKw(), 1e-9);
                assertTrue(view.containers().get(0).reason().startsWith("firm 150 kW + 500 kW of offers"),
                        view.containers().get(0).reason());

                // an operator's site limit of 180 kW: the budget falls to it, the share is scaled under it
                long set = System.currentTimeMillis();
                try (CuratorFramework operator = TestZooKeeper.connect(zookeeper.getConnectString())) {
                    new SiteLimitStore(operator, config.sitePath()).update(
                            held -> held.with(new SiteLimit("ev-1", 180, set, set + 600_000, "utility order", "test",
                                    set), set));
                }
                SiteLease limited = null;
                while (limited == null || limited.budgetKw() > 180) {
                    String next = leases.poll(10, TimeUnit.SECONDS);
                    assertTrue(next != null, "no lease under the limit within 10 s");
                    limited = SiteLease.fromJson(new ObjectMapper().readTree(next).get("body").asText());
                }
                long took = System.currentTimeMillis() - set;
                assertTrue(took < 2000, "the lowered lease came " + took + " ms after the limit was set");
                assertEquals(180, limited.budgetKw(), 1e-9);
                assertEquals(180, limited.fallbackKw(), 1e-9, "the 300 kW share scaled to fit under the limit");
                assertEquals("ev-1", coordinator.view().limit().limitId());
            } finally {
                container.disconnect();
                container.close();
            }
        }
    }
}
