package io.containeredge.cloud.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the gateway connects to its MQTT broker(s).
 *
 * @param serverUris          {@code tcp://host:port} or {@code ssl://host:port}, tried in order on every
 *                            (re)connect (failover)
 * @param clientId            MQTT client id, unique per gateway
 * @param username            null for no credentials
 * @param password            null for none
 * @param tls                 trust and client key stores for {@code ssl://}; null = plain TCP, or the
 *                            JVM's default trust store for {@code ssl://}
 * @param keepAliveSeconds    MQTT keep-alive; the broker detects a dead gateway after 1.5 × this
 * @param connectTimeoutSeconds how long one connect attempt to one URI may take
 * @param reconnectInitial    first back-off ceiling after a failed connect
 * @param reconnectMax        back-off ceiling cap
 * @param drainRatePerSecond  messages per second taken from the queue, so a backlog does not flood the broker
 * @param maxInFlight         published but not yet acknowledged messages at most
 * @param will                last will (later the Sparkplug NDEATH); null for none
 */
public record MqttSettings(List<String> serverUris, String clientId, String username, String password, Tls tls,
                           int keepAliveSeconds, int connectTimeoutSeconds, Duration reconnectInitial,
                           Duration reconnectMax, double drainRatePerSecond, int maxInFlight, Will will) {

    /**
     * Key material for TLS; stores are PKCS12 or JKS (the type is detected from the file).
     *
     * @param trustStore         CA certificates the broker's certificate must chain to
     * @param keyStore           client certificate and key, or null when the broker does not ask for one
     */
    public record Tls(Path trustStore, String trustStorePassword, Path keyStore, String keyStorePassword) {
        public Tls {
            Objects.requireNonNull(trustStore, "trustStore");
        }
    }

    /** Last will, published by the broker when the gateway vanishes without a DISCONNECT. */
    public record Will(String topic, byte[] payload, int qos, boolean retain) {
        public Will {
            Objects.requireNonNull(topic, "will topic");
            Objects.requireNonNull(payload, "will payload");
            if (qos < 0 || qos > 2) {
                throw new IllegalArgumentException("will qos must be 0..2, was " + qos);
            }
        }
    }

    public MqttSettings {
        serverUris = List.copyOf(serverUris);
        if (serverUris.isEmpty()) {
            throw new IllegalArgumentException("at least one server URI is needed");
        }
        for (String uri : serverUris) {
            if (!uri.startsWith("tcp://") && !uri.startsWith("ssl://")) {
                throw new IllegalArgumentException("server URI must start with tcp:// or ssl://: " + uri);
            }
        }
        if (clientId == null || clientId.isEmpty()) {
            throw new IllegalArgumentException("client id is required");
        }
        if (keepAliveSeconds < 0 || connectTimeoutSeconds < 0) {
            throw new IllegalArgumentException("keep-alive and connect timeout must not be negative");
        }
        if (reconnectInitial.isNegative() || reconnectInitial.isZero() || reconnectMax.compareTo(reconnectInitial) < 0) {
            throw new IllegalArgumentException("reconnect back-off needs 0 < initial <= max");
        }
        if (!(drainRatePerSecond > 0)) {
            throw new IllegalArgumentException("drain rate must be positive, was " + drainRatePerSecond);
        }
        if (maxInFlight < 1 || maxInFlight > 65_535) {
            throw new IllegalArgumentException("max in flight must be 1..65535, was " + maxInFlight);
        }
    }

    /** Plain TCP, no credentials, keep-alive 30 s, back-off 1 s … 60 s, 100 msg/s, 100 in flight, no will. */
    public static MqttSettings of(List<String> serverUris, String clientId) {
        return new MqttSettings(serverUris, clientId, null, null, null, 30, 10,
                Duration.ofSeconds(1), Duration.ofSeconds(60), 100, 100, null);
    }

    public MqttSettings withCredentials(String user, String pass) {
        return new MqttSettings(serverUris, clientId, user, pass, tls, keepAliveSeconds, connectTimeoutSeconds,
                reconnectInitial, reconnectMax, drainRatePerSecond, maxInFlight, will);
    }

    public MqttSettings withTls(Tls newTls) {
        return new MqttSettings(serverUris, clientId, username, password, newTls, keepAliveSeconds,
                connectTimeoutSeconds, reconnectInitial, reconnectMax, drainRatePerSecond, maxInFlight, will);
    }

    public MqttSettings withReconnect(Duration initial, Duration max) {
        return new MqttSettings(serverUris, clientId, username, password, tls, keepAliveSeconds,
                connectTimeoutSeconds, initial, max, drainRatePerSecond, maxInFlight, will);
    }

    public MqttSettings withKeepAlive(int seconds) {
        return new MqttSettings(serverUris, clientId, username, password, tls, seconds, connectTimeoutSeconds,
                reconnectInitial, reconnectMax, drainRatePerSecond, maxInFlight, will);
    }

    public MqttSettings withDrainRate(double perSecond) {
        return new MqttSettings(serverUris, clientId, username, password, tls, keepAliveSeconds,
                connectTimeoutSeconds, reconnectInitial, reconnectMax, perSecond, maxInFlight, will);
    }

    public MqttSettings withWill(Will newWill) {
        return new MqttSettings(serverUris, clientId, username, password, tls, keepAliveSeconds,
                connectTimeoutSeconds, reconnectInitial, reconnectMax, drainRatePerSecond, maxInFlight, newWill);
    }

    /** The password is never printed (settings end up in logs). */
    @Override
    public String toString() {
        return "MqttSettings[serverUris=" + serverUris + ", clientId=" + clientId + ", username=" + username
                + ", tls=" + (tls != null) + ", keepAlive=" + keepAliveSeconds + "s, backoff=" + reconnectInitial
                + ".." + reconnectMax + ", drain=" + drainRatePerSecond + "/s, inFlight=" + maxInFlight + "]";
    }
}
