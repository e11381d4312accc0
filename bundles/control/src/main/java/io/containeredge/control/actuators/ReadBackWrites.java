package io.containeredge.control.actuators;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.loop.LogThrottle;
import io.containeredge.control.power.PointWrite;
import io.containeredge.control.power.SunSpecBatteryWrites;
import io.containeredge.gateway.api.DeviceWriter;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an inverter's SunSpec setpoint writes in their order, each after the last has completed (a device that
 * acts on every write never sees them out of order), and checks that what was written reads back: a failed write
 * or a setpoint that reads something else is an alarm ({@code <kind>.write}, {@code <kind>.readback}).
 */
final class ReadBackWrites {

    private static final Logger LOG = LoggerFactory.getLogger(ReadBackWrites.class);
    /** Time for the poller to read the device again after a write. */
    private static final long READ_BACK_AFTER_MILLIS = 3_000;

    private final String device;
    private final DeviceWriter writer;
    private final String kind;
    private final String what;
    private final Set<String> counting;
    private final LogThrottle logs = new LogThrottle(LogThrottle.DEFAULT_INTERVAL);
    private volatile List<PointWrite> written = List.of();
    private volatile long writtenAtMillis = Long.MIN_VALUE;
    private volatile String failure;

    /**
     * @param kind the alarms' id prefix and the failures' subject ({@code battery}, {@code pv})
     * @param what the setpoint's name in a read-back alarm
     * @param counting points that change by themselves after the write (heartbeats, timers): not read back
     */
    ReadBackWrites(String device, DeviceWriter writer, String kind, String what, Set<String> counting) {
        this.device = device;
        this.writer = writer;
        this.kind = kind;
        this.what = what;
        this.counting = Set.copyOf(counting);
    }

    void send(List<PointWrite> writes, long now) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (PointWrite w : writes) {
            chain = chain.thenCompose(x -> writer.write(device, w.point(), w.value()));
        }
        chain.whenComplete((x, e) -> {
            long held = logs.admit("write", e == null, now);
            if (e != null) {
                failure = kind + " write failed: " + e.getMessage();
                if (held >= 0) {
                    LOG.warn("{}{}", failure, LogThrottle.heldBack(held));
                }
            } else {
                failure = null;
                written = writes;
                writtenAtMillis = now;
            }
        });
    }

    /** The last write's failure, or its setpoints that did not read back once the device was read again. */
    List<AlarmCondition> check(Map<String, Object> points, long now) {
        if (failure != null) {
            return List.of(new AlarmCondition(kind + ".write", Severity.WARNING, device, failure, Double.NaN));
        }
        if (written.isEmpty() || now - writtenAtMillis < READ_BACK_AFTER_MILLIS) {
            return List.of();
        }
        List<PointWrite> setpoints = written.stream().filter(w -> !counting.contains(w.point())).toList();
        List<SunSpecBatteryWrites.Mismatch> wrong = SunSpecBatteryWrites.verify(setpoints, points);
        return wrong.isEmpty() ? List.of() : List.of(new AlarmCondition(kind + ".readback", Severity.WARNING, device,
                what + " did not read back: " + wrong, Double.NaN));
    }

    /** Nothing written to check any more (the device is in maintenance). */
    void forget() {
        written = List.of();
        failure = null;
    }

    /** The device's good points by name, as the read-back and the setpoint models see them. */
    static Map<String, Object> goodPoints(Snapshot s, String device) {
        Map<String, Object> points = new HashMap<>();
        for (PointValue v : s.ofDevice(device)) {
            if (v.quality() == Quality.GOOD) {
                points.put(v.point(), v.value());
            }
        }
        return points;
    }
}
