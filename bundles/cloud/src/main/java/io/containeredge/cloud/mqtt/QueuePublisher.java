package io.containeredge.cloud.mqtt;

import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.cloud.queue.OutboundQueue;
import io.containeredge.cloud.queue.QueueException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains an {@link OutboundQueue} to an MQTT broker, oldest first, on its own thread.
 *
 * <p>Delivery is at least once: a message leaves the queue only after the broker acknowledged it
 * (PUBACK). Messages in flight when the connection drops stay queued and are sent again after the
 * reconnect, so a consumer may see a message twice and must de-duplicate (by the Sparkplug sequence
 * and timestamp, or the queue id). Paho keeps nothing of its own (memory persistence, clean session):
 * the queue is the only copy, so there is exactly one thing to survive a crash.
 *
 * <p>Two lanes per connection. What was queued before the connection came up is the backlog: it
 * drains oldest first, rate-limited by a token bucket ({@link MqttSettings#drainRatePerSecond()},
 * bursts of a tenth of a second) so a long outage does not flood the broker. What is queued after
 * is live: it goes out at once, interleaved with the backlog, so the operations centre sees the
 * present while the past catches up. Each lane keeps its order; the consumer orders by timestamp
 * across them (Sparkplug marks the backlog historical, see the hooks). At most
 * {@link MqttSettings#maxInFlight()} messages of both lanes are unacknowledged at any time.
 *
 * <p>Local control never waits for the cloud: {@link #publishNow} only appends to the queue and wakes
 * the loop; connecting, back-off and publishing happen on the loop's thread.
 *
 * <p>{@link ConnectionHooks} let a protocol on top (Sparkplug B) set a will per connection, subscribe,
 * publish its births ahead of the backlog after every (re)connect, restamp or skip queued messages,
 * publish a death certificate before a clean disconnect, and hold everything while its consumer is
 * away ({@link ConnectionHooks#mayPublish()}).
 */
public final class QueuePublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueuePublisher.class);
    /** Longest sleep with nothing to do; a wake-up (append, ack, connection lost) cuts it short. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How long a lane waits after a message that could not go yet ({@link ConnectionHooks#NOT_YET}). */
    private static final long NOT_YET_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final OutboundQueue queue;
    private final MqttSettings settings;
    private final ConnectionHooks hooks;
    private final ReconnectBackoff backoff;
    private final TokenBucket bucket;
    private final MqttConnectOptions options;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Long> acked = new ConcurrentLinkedQueue<>();
    private final AtomicLong published = new AtomicLong();
    private final Thread loop;
    private volatile boolean running = true;
    private volatile boolean resend;
    /** After a failed connect: no new attempt before this {@link System#nanoTime()}. */
    private long nextAttemptNanos = System.nanoTime();
    private MqttAsyncClient client;
    /** The hooks' births went out on this connection: the queue may drain. */
    private boolean born;
    /** Newest id queued before this connection's births: the backlog is everything up to it. */
    private long backlogEnd;
    /** Id of the newest backlog message handed to Paho on this connection. */
    private long backlogCursor;
    /** Whether the last {@link #send} stopped at a message that could not go yet. */
    private boolean notYet;
    /** Id of the newest live message handed to Paho on this connection. */
    private long liveCursor;

    /** @throws IllegalArgumentException when the TLS stores in {@code settings} cannot be used */
    public QueuePublisher(OutboundQueue queue, MqttSettings settings) {
        this(queue, settings, ConnectionHooks.NONE);
    }

    /**
     * With per-connection hooks (will, subscriptions, messages ahead of the queue, restamping).
     *
     * @throws IllegalArgumentException when the TLS stores in {@code settings} cannot be used
     */
    public QueuePublisher(OutboundQueue queue, MqttSettings settings, ConnectionHooks hooks) {
        this.queue = queue;
        this.settings = settings;
        this.hooks = hooks;
        this.options = PahoOptions.of(settings);
        this.backoff = new ReconnectBackoff(settings.reconnectInitial(), settings.reconnectMax(), new Random());
        this.bucket = new TokenBucket(settings.drainRatePerSecond(),
                Math.max(1, settings.drainRatePerSecond() / 10), System::nanoTime);
        this.loop = new Thread(this::run, "mqtt-publisher-" + settings.clientId());
        loop.setDaemon(true);
    }

    /** Starts the connection loop; returns at once. */
    public void start() {
        loop.start();
    }

    /** Queues {@code m} durably and wakes the loop; returns the queue id. Never waits for the broker. */
    public long publishNow(OutboundMessage m) {
        long id = queue.append(m);
        LockSupport.unpark(loop);
        return id;
    }

    /**
     * Publishes at once at QoS 0, not retained and not queued: a snapshot an old copy of which is worthless (the site
     * report). Dropped while not connected.
     *
     * @return whether the client took it
     */
    public boolean publishTransient(String topic, byte[] payload) {
        MqttAsyncClient c = client;
        try {
            return c != null && c.isConnected() && c.publish(topic, payload, 0, false) != null;
        } catch (MqttException e) {
            return false;
        }
    }

    /** True while connected to a broker. */
    public boolean connected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    /** The URI of the broker currently connected to, or null. */
    public String currentServer() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected() ? c.getCurrentServerURI() : null;
    }

    /** Messages waiting in the queue, including those sent but not yet acknowledged. */
    public long backlog() {
        return queue.size();
    }

    /** Messages acknowledged by a broker (or skipped by the hooks) since this publisher started. */
    public long published() {
        return published.get();
    }

    private void run() {
        while (running) {
            try {
                if (!connected()) {
                    long wait = nextAttemptNanos - System.nanoTime();
                    if (wait > 0) {
                        // an append wakes the loop; the back-off holds all the same
                        LockSupport.parkNanos(this, wait);
                    } else {
                        tryConnect();
                    }
                    continue;
                }
                removeAcknowledged();
                if (!born) {
                    // connected, the consumer away: nothing goes out until it is back
                    if (hooks.mayPublish()) {
                        publishBirths();
                    } else {
                        LockSupport.parkNanos(this, IDLE_NANOS);
                    }
                } else if (!hooks.mayPublish()) {
                    leaveForAbsentConsumer();
                } else {
                    LockSupport.parkNanos(this, sendAllowed());
                }
            } catch (QueueException e) {
                LOG.error("outbound queue failed; retrying in {} ms: {}", IDLE_NANOS / 1_000_000, e.getMessage());
                LockSupport.parkNanos(this, IDLE_NANOS);
            }
        }
    }

    private void tryConnect() {
        // whatever was in flight on the lost connection is sent again from the oldest unacknowledged
        removeAcknowledged();
        inFlight.clear();
        born = false;
        try {
            if (client == null) {
                client = new MqttAsyncClient(settings.serverUris().get(0), settings.clientId(), new MemoryPersistence());
                client.setCallback(new ConnectionLossListener(loop, (topic, payload) -> {
                    hooks.messageArrived(topic, payload);
                    LockSupport.unpark(loop); // e.g. the consumer came back: the births need not wait for the idle tick
                }));
            }
            MqttSettings.Will will = hooks.willForNextConnect();
            if (will == null) {
                will = settings.will();
            }
            if (will != null) {
                options.setWill(will.topic(), will.payload(), will.qos(), will.retain());
            }
            client.connect(options).waitForCompletion();
            try {
                for (String filter : hooks.subscriptions()) {
                    client.subscribe(filter, 1).waitForCompletion();
                }
            } catch (MqttException | RuntimeException e) {
                dropConnection(e);
                throw e;
            }
            backoff.reset();
            LOG.info("connected to {} as {}; {} messages queued", client.getCurrentServerURI(),
                    settings.clientId(), queue.size());
            if (hooks.mayPublish()) {
                publishBirths();
            } else {
                LOG.info("waiting for the consumer (primary host) before publishing; the queue keeps everything");
            }
        } catch (MqttException | RuntimeException e) {
            retryLater(e);
        }
    }

    /** The hooks' births, each acknowledged, then the queue may drain: what it holds now is the backlog. */
    private void publishBirths() {
        try {
            for (OutboundMessage m : hooks.onConnected()) {
                client.publish(m.topic(), m.payload(), hooks.wireQos(m), false).waitForCompletion();
            }
        } catch (MqttException | RuntimeException e) {
            // births not acknowledged: drop this connection so the next one starts over with new ones
            dropConnection(e);
            retryLater(e);
            return;
        }
        born = true;
        backlogEnd = queue.newestId();
        backlogCursor = 0;
        liveCursor = backlogEnd;
    }

    /**
     * The consumer went away while we were sending: the death certificate, then a disconnect, so nothing
     * more is acknowledged by a broker nobody reads; unacknowledged messages stay queued. The next
     * connection (at once) waits for the consumer again.
     */
    private void leaveForAbsentConsumer() {
        LOG.info("consumer (primary host) offline: disconnecting; {} messages stay queued until it is back",
                queue.size());
        try {
            for (OutboundMessage m : hooks.beforeDisconnect()) {
                client.publish(m.topic(), m.payload(), hooks.wireQos(m), false).waitForCompletion(1000);
            }
            client.disconnect(1000).waitForCompletion(2000);
        } catch (MqttException e) {
            dropConnection(e);
        }
        born = false;
        inFlight.clear();
        nextAttemptNanos = System.nanoTime();
    }

    private void dropConnection(Exception e) {
        try {
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException suppressed) {
            e.addSuppressed(suppressed);
        }
    }

    private void retryLater(Exception e) {
        Duration delay = backoff.next();
        LOG.warn("cannot connect to {}: {}; next attempt in {} ms", settings.serverUris(), e.getMessage(),
                delay.toMillis());
        nextAttemptNanos = System.nanoTime() + delay.toNanos();
    }

    /** Publishes what the in-flight window and the token bucket allow; returns how long to sleep. */
    private long sendAllowed() {
        if (resend) {
            resend = false;
            backlogCursor = 0;
            liveCursor = backlogEnd;
        }
        int room = settings.maxInFlight() - inFlight.size();
        if (room <= 0) {
            return IDLE_NANOS;
        }
        List<OutboundQueue.Stored> live = queue.peekAfter(liveCursor, room);
        liveCursor = send(live, liveCursor);
        room = settings.maxInFlight() - inFlight.size();
        if (room <= 0 || backlogCursor >= backlogEnd) {
            return live.isEmpty() ? IDLE_NANOS : 0;
        }
        List<OutboundQueue.Stored> backlog = queue.peekBetween(backlogCursor, backlogEnd, room);
        if (backlog.isEmpty()) {
            backlogCursor = backlogEnd; // drained
            return live.isEmpty() ? IDLE_NANOS : 0;
        }
        int permits = bucket.takeUpTo(backlog.size());
        if (permits == 0) {
            return live.isEmpty() ? bucket.nanosUntilToken() : 0;
        }
        backlogCursor = send(backlog.subList(0, permits), backlogCursor);
        return notYet ? NOT_YET_NANOS : 0;
    }

    /**
     * Hands {@code batch} to Paho in order; returns the id of the last one handed over (or skipped). Stops at
     * a message that cannot go yet ({@link #notYet} then says so), which is tried again from there.
     */
    private long send(List<OutboundQueue.Stored> batch, long cursor) {
        notYet = false;
        if (batch.isEmpty()) {
            return cursor;
        }
        queue.markAttempted(batch.stream().map(OutboundQueue.Stored::id).toList());
        for (OutboundQueue.Stored s : batch) {
            OutboundMessage m = hooks.beforePublish(s.message());
            if (m == ConnectionHooks.NOT_YET) {
                notYet = true;
                break;
            } else if (m == null) {
                // superseded: counts as done, removed with the next acknowledged batch
                acked.add(s.id());
            } else if (!publish(s.id(), m)) {
                break;
            }
            cursor = s.id();
        }
        return cursor;
    }

    private boolean publish(long id, OutboundMessage m) {
        inFlight.add(id);
        try {
            client.publish(m.topic(), m.payload(), hooks.wireQos(m), false, id, ackListener);
            return true;
        } catch (MqttException e) {
            // connection gone or Paho's window full: the message stays queued and is tried again
            inFlight.remove(id);
            LOG.debug("publish of {} deferred: {}", id, e.getMessage());
            return false;
        }
    }

    private final IMqttActionListener ackListener = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            long id = (Long) token.getUserContext();
            acked.add(id);
            inFlight.remove(id);
            LockSupport.unpark(loop);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
            // not acknowledged: still queued; send again from the oldest unacknowledged message
            inFlight.remove((Long) token.getUserContext());
            resend = true;
            LockSupport.unpark(loop);
        }
    };

    /** Deletes acknowledged messages from the queue in one transaction (one fsync per batch). */
    private void removeAcknowledged() {
        List<Long> ids = new ArrayList<>();
        for (Long id = acked.poll(); id != null; id = acked.poll()) {
            ids.add(id);
        }
        if (!ids.isEmpty()) {
            // counted first: acknowledged already, and whoever sees the queue empty sees the count too
            published.addAndGet(ids.size());
            queue.removeAll(ids);
        }
    }

    /**
     * Stops the loop and disconnects. Messages not yet acknowledged stay in the queue for the next
     * start. Does not close the queue, which the caller owns.
     */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(loop);
        try {
            loop.join(TimeUnit.SECONDS.toMillis(settings.connectTimeoutSeconds() + 5L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removeAcknowledged();
        if (client != null) {
            try {
                if (client.isConnected()) {
                    for (OutboundMessage m : hooks.beforeDisconnect()) {
                        client.publish(m.topic(), m.payload(), hooks.wireQos(m), false).waitForCompletion(1000);
                    }
                    client.disconnect(1000).waitForCompletion(2000);
                }
            } catch (MqttException e) {
                LOG.debug("disconnect: {}", e.getMessage());
            }
            try {
                client.close();
            } catch (MqttException e) {
                LOG.debug("close: {}", e.getMessage());
            }
        }
    }
}
