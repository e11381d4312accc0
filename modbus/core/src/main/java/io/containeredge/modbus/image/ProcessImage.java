package io.containeredge.modbus.image;

import io.containeredge.modbus.time.MonotonicClock;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest value of every point of every device. Staleness is decided when a snapshot is taken,
 * against each point's max age, so a device that falls silent shows stale values without anyone
 * having to notice. Points that were never read are MISSING.
 *
 * <p>A value's age is measured on the monotonic clock from when it arrived here, not from its wall-clock
 * timestamp: a wall clock stepped back would otherwise keep a silent device's last values fresh for as
 * long as the step, and one stepped forward would turn fresh values stale.
 */
public final class ProcessImage {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final MonotonicClock clock;

    public ProcessImage() {
        this(MonotonicClock.system());
    }

    /** @param clock the clock values are aged on (a virtual one in tests) */
    public ProcessImage(MonotonicClock clock) {
        this.clock = clock;
    }

    /** Declares a point so that it shows as MISSING until its first read. */
    public void declare(String device, String point, String unit, long maxAgeMillis) {
        entries.putIfAbsent(device + "/" + point,
                new Entry(PointValue.missing(device, point, unit), maxAgeMillis, clock.millis()));
    }

    /** Forgets a device, e.g. when it is removed from the configuration. */
    public void remove(String device) {
        entries.keySet().removeIf(k -> k.startsWith(device + "/"));
    }

    /** Stores fresh values; values of undeclared points are ignored. */
    public void update(List<PointValue> values) {
        long arrived = clock.millis();
        for (PointValue v : values) {
            entries.computeIfPresent(v.key(), (k, e) -> new Entry(v, e.maxAgeMillis, arrived));
        }
    }

    /**
     * A consistent copy of every point with quality evaluated now, sorted by key.
     *
     * @param nowMillis wall-clock time, the snapshot's timestamp for people; ages use the monotonic clock
     */
    public Snapshot snapshot(long nowMillis) {
        long now = clock.millis();
        List<PointValue> values = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            values.add(e.at(now));
        }
        values.sort(Comparator.comparing(PointValue::device).thenComparing(PointValue::point));
        return new Snapshot(nowMillis, values);
    }

    /** @param arrivedMillis when the value was stored, on the monotonic clock */
    private record Entry(PointValue value, long maxAgeMillis, long arrivedMillis) {

        PointValue at(long monotonicNow) {
            // an invalid reading ages too: once nothing has been read for max age, the device is not
            // answering, which is what stale says (and what the comm-loss alarm looks for)
            boolean read = value.quality() == Quality.GOOD || value.quality() == Quality.INVALID;
            long age = monotonicNow - arrivedMillis;
            if (read && age > maxAgeMillis) {
                return value.withQuality(Quality.STALE,
                        "no read for " + age + " ms (max age " + maxAgeMillis + " ms)");
            }
            return value;
        }
    }
}
