package io.containeredge.modbus.image;

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
 */
public final class ProcessImage {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Declares a point so that it shows as MISSING until its first read. */
    public void declare(String device, String point, String unit, long maxAgeMillis) {
        entries.putIfAbsent(device + "/" + point,
                new Entry(PointValue.missing(device, point, unit), maxAgeMillis));
    }

    /** Forgets a device, e.g. when it is removed from the configuration. */
    public void remove(String device) {
        entries.keySet().removeIf(k -> k.startsWith(device + "/"));
    }

    /** Stores fresh values; values of undeclared points are ignored. */
    public void update(List<PointValue> values) {
        for (PointValue v : values) {
            entries.computeIfPresent(v.key(), (k, e) -> new Entry(v, e.maxAgeMillis));
        }
    }

    /** A consistent copy of every point with quality evaluated at {@code nowMillis}, sorted by key. */
    public Snapshot snapshot(long nowMillis) {
        List<PointValue> values = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            values.add(e.at(nowMillis));
        }
        values.sort(Comparator.comparing(PointValue::device).thenComparing(PointValue::point));
        return new Snapshot(nowMillis, values);
    }

    private record Entry(PointValue value, long maxAgeMillis) {

        PointValue at(long nowMillis) {
            // an invalid reading ages too: once nothing has been read for max age, the device is not
            // answering, which is what stale says (and what the comm-loss alarm looks for)
            boolean read = value.quality() == Quality.GOOD || value.quality() == Quality.INVALID;
            if (read && nowMillis - value.timestampMillis() > maxAgeMillis) {
                return value.withQuality(Quality.STALE,
                        "no read for " + (nowMillis - value.timestampMillis()) + " ms (max age " + maxAgeMillis + " ms)");
            }
            return value;
        }
    }
}
