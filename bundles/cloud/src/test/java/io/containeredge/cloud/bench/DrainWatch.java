package io.containeredge.cloud.bench;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The operations centre's side of a backlog drain: subscribes with QoS 1 to everything the gateway
 * publishes and times the backlog, i.e. the messages whose content is dated before {@code sinceMillis}
 * (the gateway's restart). Live messages arriving in between are counted apart. Rate = backlog
 * messages after the first / time from the first to the last, so it does not depend on how long the
 * gateway took to start and connect.
 *
 * <p>Every arrival counts, re-deliveries included: after a clean reconnect there are none.
 */
final class DrainWatch implements MqttCallback {

    private static final String[] FILTERS = {"spBv1.0/#", "containeredge/#"};
    private static final long POLL_MILLIS = 100;
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final long sinceMillis;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong backlogSamples = new AtomicLong();
    private final AtomicLong live = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    /** Paho's callback thread only. */
    private long arrivals;
    private volatile long firstNanos;
    private volatile long lastNanos;
    private volatile Throwable lost;

    private DrainWatch(long sinceMillis) {
        this.sinceMillis = sinceMillis;
    }

    /** @return the process exit code: 0 when {@code expected} backlog messages arrived in time, else 1 */
    static int run(String brokerUri, long expected, long timeoutSeconds, long sinceMillis) throws MqttException,
            InterruptedException {
        DrainWatch watch = new DrainWatch(sinceMillis);
        MqttClient client = new MqttClient(brokerUri, "containeredge-bench-drain-" + ProcessHandle.current().pid(),
                new MemoryPersistence());
        try {
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(true);
            o.setAutomaticReconnect(false);
            client.setCallback(watch);
            client.connect(o);
            client.subscribe(FILTERS, new int[] {1, 1});
            System.out.println("subscribed"); // the script starts the gateway only after this line
            System.out.flush();
            boolean done = watch.await(expected, TimeUnit.SECONDS.toNanos(timeoutSeconds));
            watch.report();
            if (!done) {
                System.err.println("error: " + watch.backlog.get() + " of " + expected + " backlog messages within "
                        + timeoutSeconds + " s" + (watch.lost == null ? "" : "; connection lost: " + watch.lost));
            }
            return done ? 0 : 1;
        } finally {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close();
        }
    }

    private boolean await(long expected, long timeoutNanos) throws InterruptedException {
        long start = System.nanoTime();
        long nextProgress = start + PROGRESS_NANOS;
        while (backlog.get() < expected && lost == null && System.nanoTime() - start < timeoutNanos) {
            Thread.sleep(POLL_MILLIS);
            if (System.nanoTime() >= nextProgress) {
                System.err.printf("drain: %d of %d backlog messages, %d live%n", backlog.get(), expected, live.get());
                nextProgress += PROGRESS_NANOS;
            }
        }
        return backlog.get() >= expected;
    }

    private void report() {
        long n = backlog.get();
        long samples = backlogSamples.get();
        double seconds = n > 1 ? (lastNanos - firstNanos) / 1e9 : 0;
        double rate = seconds > 0 ? (n - 1) / seconds : 0;
        Figures.print("backlog_messages", n);
        Figures.print("backlog_samples", samples);
        Figures.print("live_messages", live.get());
        Figures.print("undecodable_messages", undecodable.get());
        Figures.print("drain_seconds", seconds);
        Figures.print("drain_messages_per_s", rate);
        Figures.print("drain_samples_per_s", n > 0 ? rate * samples / n : 0.0);
    }

    /** On Paho's callback thread, one message at a time. */
    @Override
    public void messageArrived(String topic, MqttMessage message) {
        long now = System.nanoTime();
        if (arrivals++ == 0) {
            // the gateway's first message (its NBIRTH) says it is connected: the script samples its heap then
            Figures.print("first_arrival_ms", System.currentTimeMillis());
            System.out.flush();
        }
        MessageSamples content;
        try {
            content = MessageSamples.of(topic, message.getPayload());
        } catch (IllegalArgumentException e) {
            undecodable.incrementAndGet(); // a throw here would drop the connection
            return;
        }
        OptionalLong ts = content.timestamp();
        if (ts.isPresent() && ts.getAsLong() < sinceMillis) {
            if (backlog.get() == 0) {
                firstNanos = now;
            }
            lastNanos = now;
            backlogSamples.addAndGet(content.count());
            backlog.incrementAndGet();
        } else {
            live.incrementAndGet();
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        lost = cause;
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // subscribe only: nothing is published
    }
}
