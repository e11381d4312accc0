package io.containeredge.e2e;

import io.containeredge.cloud.mqtt.MosquittoBroker;
import io.containeredge.cloud.mqtt.MqttSettings;
import io.containeredge.cloud.mqtt.TcpGate;
import io.containeredge.cloud.mqtt.TestPki;
import io.containeredge.cloud.mqtt.TlsSocketFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * The cloud side of a site for end-to-end tests: a Mosquitto with TLS (a throw-away CA) and a password
 * file, a {@link TcpGate} between it and the gateway, the operations centre's {@link SparkplugHost},
 * and the gateway's {@code cloud.properties} with the broker, the CA and two command keys: {@value #KEY_ID}
 * may do everything, {@value #DISPATCH_KEY_ID} only curtail.
 */
final class CloudSite implements AutoCloseable {

    static final String KEY_ID = "ops";
    static final byte[] KEY = "0123456789abcdef0123456789abcdef-e2e".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    /** A second key that may only curtail and lift a curtailment. */
    static final String DISPATCH_KEY_ID = "dispatch";
    static final byte[] DISPATCH_KEY = "dispatch-desk-key-0123456789abcdef-e2e".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final String USER = "c-01";
    private static final String PASSWORD = "gateway-password-e2e";

    private final MosquittoBroker broker;
    private final TcpGate gate;
    private final SparkplugHost host;
    private final Path properties;

    private CloudSite(MosquittoBroker broker, TcpGate gate, SparkplugHost host, Path properties) {
        this.broker = broker;
        this.gate = gate;
        this.host = host;
        this.properties = properties;
    }

    /** Starts the broker and the host; {@code extraProperties} are appended to the gateway's cloud.properties. */
    static CloudSite start(Path work, String extraProperties) throws Exception {
        TestPki pki = TestPki.create(work.resolve("pki"));
        // CloudEndToEndTest's outage stops the broker for 10 s and starts it on the same port
        MosquittoBroker broker = new MosquittoBroker(work.resolve("broker"), RunningContainer.freeRange(1, 24000))
                .secured(pki, USER, PASSWORD).start();
        TcpGate gate = null;
        SparkplugHost host = null;
        try {
            gate = new TcpGate(broker.port());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(USER);
            options.setPassword(PASSWORD.toCharArray());
            options.setSocketFactory(TlsSocketFactory.create(new MqttSettings.Tls(pki.caCertificate(), null, null, null)));
            options.setHttpsHostnameVerificationEnabled(true);
            host = new SparkplugHost(broker.uri(), options).connect();
            Path properties = Files.writeString(work.resolve("cloud.properties"), String.join("\n",
                    "server.uris=ssl://127.0.0.1:" + gate.port(),
                    "username=" + USER,
                    "password=" + PASSWORD,
                    "tls.trust.store=" + pki.caCertificate(),
                    "command.keys=" + KEY_ID + "=" + Base64.getEncoder().encodeToString(KEY) + ":*," + DISPATCH_KEY_ID
                            + "=" + Base64.getEncoder().encodeToString(DISPATCH_KEY) + ":curtail,lift-curtailment",
                    "reconnect.max.s=2",
                    "") + extraProperties);
            return new CloudSite(broker, gate, host, properties);
        } catch (Exception | Error e) {
            if (host != null) {
                host.close();
            }
            if (gate != null) {
                gate.shutdown();
            }
            broker.stop();
            throw e;
        }
    }

    /** The demo container with its gateway publishing to this site's broker. */
    RunningContainer startContainer(Path work, String... moreGatewayArgs) throws Exception {
        return startContainer(work, site -> site, 0, moreGatewayArgs);
    }

    /** As {@link #startContainer(Path, String...)}, with the site edited and miners reachable at {@code minersBase}. */
    RunningContainer startContainer(Path work, java.util.function.UnaryOperator<String> edit, int minersBase,
            String... moreGatewayArgs) throws Exception {
        String[] args = new String[moreGatewayArgs.length + 4];
        args[0] = "--cloud";
        args[1] = properties.toString();
        args[2] = "--data";
        args[3] = Files.createDirectories(work.resolve("gateway-data")).toString();
        System.arraycopy(moreGatewayArgs, 0, args, 4, moreGatewayArgs.length);
        return RunningContainer.start(work, edit, minersBase, args);
    }

    /** Stops a container (if it started) and then its cloud site (if it started): a test class's last step. */
    static void stop(RunningContainer container, CloudSite site) throws Exception {
        try {
            if (container != null) {
                container.close();
            }
        } finally {
            if (site != null) {
                site.close();
            }
        }
    }

    SparkplugHost host() {
        return host;
    }

    TcpGate gate() {
        return gate;
    }

    /**
     * The broker is killed for {@code duration} and restarted; the gateway gets through only once the
     * host is subscribed again.
     */
    void outage(Duration duration) throws Exception {
        gate.shut();
        broker.kill();
        Thread.sleep(duration.toMillis());
        broker.start();
        host.connect();
        gate.open();
    }

    @Override
    public void close() throws Exception {
        try {
            host.close();
            gate.shutdown();
        } finally {
            broker.stop();
        }
    }
}
