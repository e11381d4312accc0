package io.containeredge.cloud.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.cloud.queue.OutboundQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher against a Mosquitto configured like a site's: TLS with a server certificate from the
 * site's CA (given to the gateway as a PEM file) and a password file.
 */
class SecuredBrokerTest {

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static MosquittoBroker broker;
    private OutboundQueue queue;
    private QueuePublisher publisher;

    @BeforeAll
    static void startBroker() throws Exception {
        pki = TestPki.create(dir.resolve("pki"));
        broker = new MosquittoBroker(dir.resolve("broker")).secured(pki, "gateway", "s3cret-gateway").start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.stop();
    }

    @AfterEach
    void tearDown() {
        if (publisher != null) {
            publisher.close();
        }
        if (queue != null) {
            queue.close();
        }
    }

    private static MqttSettings settings(String password, Path trust) {
        return MqttSettings.of(List.of(broker.uri()), "gateway-tls").withCredentials("gateway", password)
                .withTls(new MqttSettings.Tls(trust, null, null, null))
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    private QueuePublisher publisher(MqttSettings settings, String file) {
        queue = OutboundQueue.open(dir.resolve(file), 1L << 20);
        publisher = new QueuePublisher(queue, settings);
        publisher.start();
        return publisher;
    }

    @Test
    void publishesOverTlsWithAPassword() throws Exception {
        assertTrue(broker.uri().startsWith("ssl://"));
        MqttSettings good = settings("s3cret-gateway", pki.caCertificate());
        try (TestSubscriber subscriber = new TestSubscriber(broker.uri(), good.withCredentials("gateway", "s3cret-gateway")
                .withTls(good.tls())).connect()) {
            publisher(good, "ok.db").publishNow(new OutboundMessage("test/tls", "over-tls".getBytes(StandardCharsets.UTF_8),
                    1, MessageKind.TELEMETRY, System.currentTimeMillis()));
            assertTrue(subscriber.awaitDistinct(1, 20, TimeUnit.SECONDS), "nothing arrived over TLS");
            assertEquals(List.of("over-tls"), subscriber.distinct());
        }
    }

    @Test
    void aWrongPasswordNeverConnectsAndKeepsTheMessageQueued() throws Exception {
        QueuePublisher p = publisher(settings("wrong", pki.caCertificate()), "wrong-password.db");
        p.publishNow(new OutboundMessage("test/tls", new byte[] {1}, 1, MessageKind.TELEMETRY, 0));
        Thread.sleep(1500); // several attempts
        assertFalse(p.connected());
        assertEquals(1, p.backlog());
    }

    @Test
    void aBrokerCertificateFromAnotherCaIsRefused() throws Exception {
        TestPki stranger = TestPki.create(dir.resolve("stranger"));
        QueuePublisher p = publisher(settings("s3cret-gateway", stranger.caCertificate()), "stranger.db");
        Thread.sleep(1500);
        assertFalse(p.connected(), "connected to a broker whose certificate the trust store does not vouch for");
    }

    @Test
    void aTrustFileWithoutCertificatesIsAClearError() throws Exception {
        Path empty = java.nio.file.Files.writeString(dir.resolve("empty.pem"), "-----BEGIN nothing\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new QueuePublisher(OutboundQueue.open(dir.resolve("x.db"), 1L << 20), settings("x", empty)));
        assertTrue(e.getMessage().contains("empty.pem"), e.getMessage());
    }

    @Test
    void aBrokerThatRequiresAClientCertificateTakesTheKeyStoreAndRefusesWithout() throws Exception {
        Path keyStore = pki.clientKeyStore("gateway-c-01", "key-pass");
        try (MosquittoBroker mutual = new MosquittoBroker(dir.resolve("mutual"))
                .secured(pki, "gateway", "s3cret-gateway", true).start()) {
            MqttSettings base = MqttSettings.of(List.of(mutual.uri()), "gateway-mtls")
                    .withCredentials("gateway", "s3cret-gateway")
                    .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200));
            QueuePublisher without = publisher(base.withTls(new MqttSettings.Tls(pki.caCertificate(), null, null, null)),
                    "no-client-cert.db");
            Thread.sleep(1500);
            assertFalse(without.connected(), "connected without a client certificate");
            without.close();
            queue.close();

            QueuePublisher with = publisher(base.withTls(new MqttSettings.Tls(pki.caCertificate(), null, keyStore,
                    "key-pass")), "client-cert.db");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!with.connected() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(with.connected(), "no connection with the client certificate");
        }
    }
}
