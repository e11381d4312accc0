package io.containeredge.modbus.poll;

import io.containeredge.modbus.plan.PollPlanner;
import io.containeredge.modbus.plan.ReadRequest;
import io.containeredge.modbus.profile.AddressRange;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.profile.PollClass;
import io.containeredge.modbus.device.DeviceConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A device as its connection's poller sees it: its plan, its schedule and its health. Only the
 * poller thread mutates it; diagnostics read the volatile fields and the stats.
 */
public final class PolledDevice {

    final DeviceConfig config;
    final PointResolver resolver;
    final ResponseDecoder decoder;
    final DeviceStats stats = new DeviceStats();
    private final List<AddressRange> unreadable;
    private final int maxGap;
    List<PollTask> tasks;
    private volatile Map<String, PointDef> pointsByName = Map.of();
    volatile boolean online;
    volatile int consecutiveFailures;
    volatile long backoffMillis;
    long retryAtNanos;

    public PolledDevice(DeviceConfig config, PointResolver resolver, List<AddressRange> unreadable, int maxGap) {
        this.config = config;
        this.resolver = resolver;
        this.decoder = new ResponseDecoder(config.id());
        this.unreadable = List.copyOf(unreadable);
        this.maxGap = maxGap;
    }

    public String id() {
        return config.id();
    }

    public DeviceConfig config() {
        return config;
    }

    boolean resolved() {
        return tasks != null;
    }

    /**
     * Plans each poll class separately: a class's requests are all due together. A point with a dedicated poll is
     * its own request at its own period, so a slow or large class never delays it.
     */
    void plan(List<PointDef> points, long nowNanos) {
        pointsByName = points.stream().collect(Collectors.toUnmodifiableMap(PointDef::name, p -> p, (a, b) -> a));
        Map<Boolean, List<PointDef>> dedicated = points.stream()
                .collect(Collectors.partitioningBy(p -> config.dedicatedPolls().containsKey(p.name())));
        Map<PollClass, List<PointDef>> byClass = dedicated.get(false).stream()
                .collect(Collectors.groupingBy(PointDef::pollClass));
        List<PollTask> planned = new ArrayList<>();
        byClass.forEach((pollClass, classPoints) -> schedule(classPoints, config.period(pollClass), nowNanos, planned));
        dedicated.get(true).forEach(p -> schedule(List.of(p), config.period(p), nowNanos, planned));
        tasks = planned;
    }

    private void schedule(List<PointDef> points, Duration period, long nowNanos, List<PollTask> planned) {
        for (ReadRequest r : PollPlanner.plan(points, unreadable, maxGap)) {
            planned.add(new PollTask(r, period.toNanos(), nowNanos));
        }
    }

    /** A point of the device once its points are known (after SunSpec discovery for such devices). */
    public Optional<PointDef> point(String name) {
        return Optional.ofNullable(pointsByName.get(name));
    }

    /** When this device next wants the connection. */
    long dueNanos() {
        if (tasks == null) {
            return retryAtNanos;
        }
        long due = Long.MAX_VALUE;
        for (PollTask t : tasks) {
            due = Math.min(due, t.nextDueNanos);
        }
        return consecutiveFailures > 0 ? Math.max(due, retryAtNanos) : due;
    }

    PollTask dueTask() {
        PollTask first = null;
        for (PollTask t : tasks) {
            if (first == null || t.nextDueNanos < first.nextDueNanos) {
                first = t;
            }
        }
        return first;
    }

    /** Number of planned read requests per poll period of each class (for benchmarks and tests). */
    public List<ReadRequest> plannedRequests() {
        List<PollTask> current = tasks;
        return current == null ? List.of() : current.stream().map(t -> t.request).toList();
    }

    public DeviceDiagnostics diagnostics(String connection) {
        return stats.snapshot(config.id(), connection, config.unitId(), online, consecutiveFailures, backoffMillis);
    }
}
