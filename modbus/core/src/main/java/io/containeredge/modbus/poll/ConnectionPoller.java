package io.containeredge.modbus.poll;

import io.containeredge.modbus.client.ModbusClient;
import io.containeredge.modbus.client.ModbusFailure;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.modbus.value.PointValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one Modbus connection and polls every device behind it from a single thread, earliest due
 * request first. Writes jump the queue. A device that stops answering is retried once, then backed
 * off exponentially and probed once per back-off interval, so it costs the others at most one
 * timeout per interval. Nothing a device sends can stop this thread.
 */
public final class ConnectionPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPoller.class);
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ConnectionConfig config;
    private final ModbusClient client;
    private final DeviceListener listener;
    private final Backoff backoff;
    private final List<PolledDevice> devices = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<WriteCommand> writes = new ConcurrentLinkedQueue<>();
    private final Object wakeup = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private long lastRequestEndNanos;

    public ConnectionPoller(ConnectionConfig config, ModbusClient client, DeviceListener listener) {
        this.config = config;
        this.client = client;
        this.listener = listener;
        this.backoff = new Backoff(config.backoffInitial(), config.backoffMax());
        this.thread = new Thread(this::run, "modbus-" + config.id());
        thread.setDaemon(true);
    }

    public ConnectionConfig config() {
        return config;
    }

    public void start() {
        thread.start();
    }

    public void addDevice(PolledDevice device) {
        devices.add(device);
        wake();
    }

    public void removeDevice(String deviceId) {
        devices.removeIf(d -> d.id().equals(deviceId));
    }

    public List<PolledDevice> devices() {
        return List.copyOf(devices);
    }

    /** Queues a write (FC 5/6/15/16); completes when the device confirmed it, or exceptionally. */
    public CompletableFuture<Void> write(int unitId, PointDef point, int[] registers) {
        WriteCommand command = new WriteCommand(unitId, point, registers, new CompletableFuture<>());
        writes.add(command);
        wake();
        return command.result();
    }

    private void run() {
        while (running) {
            try {
                step();
            } catch (RuntimeException e) {
                LOG.error("poller {} survived an unexpected error", config.id(), e);
                pause(IDLE_NANOS);
            }
        }
        client.close();
    }

    private void step() {
        long now = System.nanoTime();
        long sinceLast = now - lastRequestEndNanos;
        long minDelay = config.minDelay().toNanos();
        if (sinceLast < minDelay) {
            pause(minDelay - sinceLast);
            return;
        }
        WriteCommand write = writes.poll();
        if (write != null) {
            execute(write);
            return;
        }
        PolledDevice next = null;
        for (PolledDevice d : devices) {
            if (next == null || d.dueNanos() < next.dueNanos()) {
                next = d;
            }
        }
        if (next == null) {
            pause(IDLE_NANOS);
        } else if (next.dueNanos() > now) {
            pause(Math.min(next.dueNanos() - now, IDLE_NANOS));
        } else if (!next.resolved()) {
            resolve(next, now);
        } else {
            poll(next, next.dueTask(), now);
        }
    }

    private void resolve(PolledDevice d, long now) {
        try {
            List<PointDef> points = d.resolver.resolve(client, d.config.unitId());
            d.plan(points, System.nanoTime());
        } catch (ModbusFailure f) {
            d.stats.failure(f);
            commsFailed(d, f);
        } finally {
            lastRequestEndNanos = System.nanoTime();
        }
    }

    private void poll(PolledDevice d, PollTask task, long now) {
        boolean probing = d.consecutiveFailures > 0;
        int attempts = probing ? 1 : 2;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            long start = System.nanoTime();
            try {
                int[] response = client.read(d.config.unitId(), task.request.table(), task.request.start(),
                        task.request.count());
                long end = System.nanoTime();
                long wallClock = System.currentTimeMillis();
                d.stats.success((end - start) / 1000, wallClock);
                listener.values(d.decoder.decode(task.request, response, wallClock));
                commsRestored(d);
                break;
            } catch (ModbusFailure f) {
                d.stats.failure(f);
                if (f.kind() == ModbusFailure.Kind.EXCEPTION) {
                    markInvalid(d, task, "device answered exception " + f.exceptionCode());
                    commsRestored(d);
                    break;
                }
                if (attempt == attempts) {
                    commsFailed(d, f);
                }
            } finally {
                lastRequestEndNanos = System.nanoTime();
            }
        }
        task.reschedule(System.nanoTime());
    }

    private void markInvalid(PolledDevice d, PollTask task, String reason) {
        long ts = System.currentTimeMillis();
        List<PointValue> invalid = new ArrayList<>();
        for (PointDef p : task.request.points()) {
            for (String name : ResponseDecoder.namesOf(p)) {
                invalid.add(PointValue.invalid(d.id(), name, p.unit(), ts, reason));
            }
        }
        listener.values(invalid);
    }

    private void commsRestored(PolledDevice d) {
        boolean wasDown = !d.online;
        d.consecutiveFailures = 0;
        d.backoffMillis = 0;
        d.online = true;
        if (wasDown) {
            listener.onlineChanged(d.id(), true, "answering");
        }
    }

    private void commsFailed(PolledDevice d, ModbusFailure f) {
        d.consecutiveFailures++;
        long wait = backoff.after(d.consecutiveFailures).toMillis();
        d.backoffMillis = wait;
        d.retryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait);
        if (d.online || d.consecutiveFailures == 1) {
            d.online = false;
            listener.onlineChanged(d.id(), false, f.kind().key() + ": " + f.getMessage());
        }
    }

    private void execute(WriteCommand w) {
        try {
            client.write(w.unitId(), w.point().table(), w.point().address(), w.registers());
            w.result().complete(null);
        } catch (ModbusFailure f) {
            w.result().completeExceptionally(f);
        } catch (RuntimeException e) {
            w.result().completeExceptionally(e);
        } finally {
            lastRequestEndNanos = System.nanoTime();
        }
    }

    private void pause(long nanos) {
        synchronized (wakeup) {
            try {
                TimeUnit.NANOSECONDS.timedWait(wakeup, Math.max(nanos, 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private void wake() {
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writes.forEach(w -> w.result().completeExceptionally(new IllegalStateException("poller closed")));
    }

    private record WriteCommand(int unitId, PointDef point, int[] registers, CompletableFuture<Void> result) {
    }
}
