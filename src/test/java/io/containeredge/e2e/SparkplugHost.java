package io.containeredge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * The operations centre in a test: a Sparkplug host application subscribed to everything the demo
 * container publishes (Sparkplug and the JSON records), which can also send signed requests the way
 * an operations centre does and wait for their replies.
 */
final class SparkplugHost implements AutoCloseable {

    static final String SITE = "demo-site";
    static final String CONTAINER = "c-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message as it arrived. */
    record Received(String topic, byte[] raw, long arrivedMillis) {

        String type() {
            String[] t = topic.split("/");
            return t[0].equals("spBv1.0") ? t[2] : t[t.length - 1];
        }

        String device() {
            String[] t = topic.split("/");
            return t[0].equals("spBv1.0") && t.length > 4 ? t[4] : null;
        }

        boolean is(String type, String device) {
            return type().equals(type) && (device == null || device.equals(device()));
        }

        SparkplugBPayload sparkplug() {
            try {
                return new SparkplugBPayloadDecoder().buildFromByteArray(raw, null);
            } catch (Exception e) {
                throw new AssertionError("not a Sparkplug B payload on " + topic + ": " + e, e);
            }
        }

        Metric metric(String name) {
            return sparkplug().getMetrics().stream().filter(m -> name.equals(m.getName())).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON on " + topic + ": " + new String(raw, StandardCharsets.UTF_8), e);
            }
        }
    }

    private final String uri;
    private final MqttConnectOptions options;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private MqttClient client;

    SparkplugHost(String uri, MqttConnectOptions options) {
        this.uri = uri;
        this.options = options;
        options.setMaxInflight(1000);
        options.setCleanSession(true);
    }

    /** (Re)connects and subscribes; returns once the broker confirmed the subscriptions. */
    SparkplugHost connect() throws MqttException {
        if (client == null) {
            client = new MqttClient(uri, "e2e-operations-centre", new MemoryPersistence());
        }
        client.connect(options);
        client.subscribe(new String[] {"spBv1.0/" + SITE + "/#", "containeredge/" + SITE + "/#"}, new int[] {1, 1},
                new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {this::record, this::record});
        return this;
    }

    private void record(String topic, org.eclipse.paho.client.mqttv3.MqttMessage m) {
        received.add(new Received(topic, m.getPayload(), System.currentTimeMillis()));
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    int count() {
        return received.size();
    }

    /** The first message from index {@code from} on that matches, waiting up to {@code timeout}. */
    Received await(String what, Predicate<Received> p, int from, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> all = received();
            for (int i = from; i < all.size(); i++) {
                if (p.test(all.get(i))) {
                    return all.get(i);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + what + " within " + timeout + "; received "
                + received().stream().map(Received::topic).distinct().toList());
    }

    void publish(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    /** As a Sparkplug 3.0 primary host application: its STATE, retained, QoS 1. */
    void state(String hostId, boolean online) throws MqttException {
        String json = "{\"online\":" + online + ",\"timestamp\":" + System.currentTimeMillis() + "}";
        client.publish("spBv1.0/STATE/" + hostId, json.getBytes(StandardCharsets.UTF_8), 1, true);
    }

    /** A signed request body for {@code action} to this site's container, expiring in 5 minutes. */
    static Map<String, Object> body(String action, Map<String, Object> params) {
        return body(CONTAINER, action, params);
    }

    /** A request body naming {@code container} of this site as its target (part of the signed text). */
    static Map<String, Object> body(String container, String action, Map<String, Object> params) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "e2e-" + UUID.randomUUID());
        body.put("expires", System.currentTimeMillis() + 300_000);
        body.put("site", SITE);
        body.put("container", container);
        body.put("action", action);
        body.put("params", params);
        return body;
    }

    /** The envelope: the body as JSON text, signed with HMAC-SHA256 by {@code key}. */
    static byte[] envelope(String keyId, byte[] key, Map<String, Object> body) throws Exception {
        String text = JSON.writeValueAsString(body);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("keyId", keyId);
        envelope.put("body", text);
        envelope.put("signature", hmac(key, text));
        return JSON.writeValueAsBytes(envelope);
    }

    static String hmac(byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String topic(String kind) {
        return "containeredge/" + SITE + "/" + CONTAINER + "/" + kind;
    }

    /** Publishes {@code payload} on the command or config topic and waits for the reply to {@code id}. */
    JsonNode request(String kind, byte[] payload, String id) throws Exception {
        return request(kind, payload, id, Duration.ofSeconds(30));
    }

    /** As {@link #request(String, byte[], String)}, waiting up to {@code timeout} for the reply. */
    JsonNode request(String kind, byte[] payload, String id, Duration timeout) throws Exception {
        int from = count();
        publish(topic(kind), payload);
        return await("reply to " + id, r -> r.topic().equals(topic("reply")) && id.equals(r.json().path("id").asText(null)),
                from, timeout).json();
    }

    @Override
    public void close() throws MqttException {
        if (client != null) {
            if (client.isConnected()) {
                client.disconnectForcibly(100, 100);
            }
            client.close(true);
        }
    }
}
