package io.containeredge.coordinator.mqtt;

import io.containeredge.site.api.CoordinatorConfig;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's connection to the site's broker: it subscribes to every container's reports and to the site's
 * signed requests, and sends leases and replies.
 * It connects with a back-off until a broker answers, and Paho reconnects after a loss; while disconnected nothing can
 * be issued (the containers fall back when their leases end: that is the design). A clean session: leases are only
 * worth their latest, and a report is a snapshot.
 */
public final class SiteMqtt implements SitePublisher, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SiteMqtt.class);
    private static final long FIRST_RETRY_MILLIS = 1000;
    private static final long MAX_RETRY_MILLIS = 30_000;
    private static final int MIN_INFLIGHT = 100;

    private final CoordinatorConfig.Mqtt settings;
    private final String reportsTopic;
    private final String requestsTopic;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final ScheduledExecutorService connector;
    private long retryMillis = FIRST_RETRY_MILLIS;
    private volatile boolean closed;

    /**
     * @param clientId unique per instance on the broker
     * @param containers how many leases a round sends (they may all be in flight at once)
     * @param onReport called on Paho's thread with (topic, payload) for each report: must not block
     * @param onRequest called on Paho's thread with each signed site request's payload: must not block
     */
    public SiteMqtt(CoordinatorConfig.Mqtt settings, String clientId, String reportsTopic, String requestsTopic,
            int containers, BiConsumer<String, String> onReport, Consumer<byte[]> onRequest)
            throws MqttException, IOException {
        this.settings = settings;
        this.reportsTopic = reportsTopic;
        this.requestsTopic = requestsTopic;
        this.client = new MqttAsyncClient(settings.brokers().get(0), clientId, new MemoryPersistence());
        this.options = new MqttConnectOptions();
        options.setServerURIs(settings.brokers().toArray(String[]::new));
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay((int) MAX_RETRY_MILLIS);
        options.setConnectionTimeout(5);
        options.setKeepAliveInterval(10);
        options.setMaxInflight(Math.max(MIN_INFLIGHT, 2 * containers));
        if (settings.username().isPresent()) {
            options.setUserName(settings.username().get());
            options.setPassword(Files.readString(settings.passwordFile().orElseThrow()).strip().toCharArray());
        }
        settings.caFile().ifPresent(ca -> options.setSocketFactory(BrokerTls.socketFactory(ca)));
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "mqtt-connect"));
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                LOG.info("connected to {}{}", serverUri, reconnect ? " again" : "");
                subscribe();
            }

            @Override
            public void connectionLost(Throwable cause) {
                LOG.warn("broker connection lost ({}); no leases until it is back", String.valueOf(cause));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                if (topic.equals(requestsTopic)) {
                    onRequest.accept(message.getPayload());
                } else {
                    onReport.accept(topic, new String(message.getPayload(), StandardCharsets.UTF_8));
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // QoS 1 acknowledged: nothing else to do
            }
        });
    }

    /** Connects in the background, trying again with a growing pause until a broker answers. */
    public void start() {
        connector.execute(this::connect);
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            client.connect(options).waitForCompletion();
            retryMillis = FIRST_RETRY_MILLIS;
        } catch (MqttException e) {
            LOG.warn("no broker of {} answers ({}); trying again in {} ms", settings.brokers(), e.getMessage(),
                    retryMillis);
            connector.schedule(this::connect, retryMillis, TimeUnit.MILLISECONDS);
            retryMillis = Math.min(MAX_RETRY_MILLIS, 2 * retryMillis);
        }
    }

    private void subscribe() {
        try {
            // reports are snapshots (QoS 0); a request is sent once and must arrive (QoS 1)
            client.subscribe(new String[] {reportsTopic, requestsTopic}, new int[] {0, 1});
        } catch (MqttException e) {
            LOG.warn("cannot subscribe to {} and {}: {}", reportsTopic, requestsTopic, e.getMessage());
        }
    }

    public boolean connected() {
        return client.isConnected();
    }

    @Override
    public boolean publish(String topic, String payload) {
        if (!client.isConnected()) {
            return false;
        }
        try {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
            return true;
        } catch (MqttException e) {
            LOG.warn("lease to {} not sent: {}", topic, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(2000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("closing the broker connection: {}", e.getMessage());
        }
    }
}
