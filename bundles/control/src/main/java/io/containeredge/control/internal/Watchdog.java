package io.containeredge.control.internal;

import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.watchdog.ServiceStatusLine;
import io.containeredge.control.watchdog.SystemdNotifier;
import io.containeredge.control.watchdog.WatchdogPolicy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd the gateway is alive while, and only while, control cycles complete: a stalled or
 * crashed cycle stops the notifications and systemd restarts the service. Ticks on its own thread, so
 * a stalled cycle thread cannot keep notifying; each tick also updates the status line systemd shows
 * when it changed. Without systemd's watchdog it does nothing.
 */
final class Watchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    private final SystemdNotifier notifier;
    private final WatchdogPolicy policy;
    private final ScheduledExecutorService ticker;
    private volatile long lastHealthyMillis = WatchdogPolicy.NEVER;
    private volatile ControlStatus lastStatus;
    private volatile boolean readySent;
    private String sentStatusLine;

    Watchdog(SystemdNotifier notifier) {
        this.notifier = notifier;
        LOG.info("systemd: {}", notifier.describe());
        if (!notifier.enabled() || notifier.watchdogInterval().isZero()) {
            policy = null;
            ticker = null;
            return;
        }
        policy = WatchdogPolicy.forTimeout(notifier.watchdogInterval());
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "systemd-watchdog");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(100, notifier.watchdogInterval().toMillis() / 4);
        ticker.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Called after every control cycle that completed without error, with its status. */
    void healthyCycle(ControlStatus status) {
        lastStatus = status;
        lastHealthyMillis = monotonicMillis();
        if (!readySent && notifier.enabled()) {
            readySent = notifier.ready();
        }
    }

    private void tick() {
        if (policy.notifyNow(lastHealthyMillis, monotonicMillis())) {
            notifier.watchdog();
        }
        ControlStatus status = lastStatus;
        if (status != null) {
            String line = ServiceStatusLine.of(status);
            if (!line.equals(sentStatusLine) && notifier.status(line)) {
                sentStatusLine = line;
            }
        }
    }

    private static long monotonicMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
