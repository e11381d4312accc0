package io.containeredge.modbus.image;

import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An immutable view of the process image at one instant, what a control cycle works on. */
public final class Snapshot {

    private final long takenMillis;
    private final List<PointValue> values;
    private final Map<String, PointValue> byKey;

    public Snapshot(long takenMillis, List<PointValue> values) {
        this.takenMillis = takenMillis;
        this.values = List.copyOf(values);
        // one map, sized once: a snapshot is taken every control cycle, several times a second
        Map<String, PointValue> keys = new HashMap<>(this.values.size() * 4 / 3 + 1);
        for (PointValue v : this.values) {
            if (keys.put(v.key(), v) != null) {
                throw new IllegalArgumentException("point " + v.key() + " twice in one snapshot");
            }
        }
        this.byKey = Collections.unmodifiableMap(keys);
    }

    public long takenMillis() {
        return takenMillis;
    }

    public List<PointValue> values() {
        return values;
    }

    /** The value of a point, or a MISSING value when the image does not know it. */
    public PointValue get(String device, String point) {
        PointValue v = byKey.get(device + "/" + point);
        return v != null ? v : PointValue.missing(device, point, "");
    }

    public List<PointValue> ofDevice(String device) {
        return values.stream().filter(v -> v.device().equals(device)).toList();
    }

    public long count(Quality quality) {
        return values.stream().filter(v -> v.quality() == quality).count();
    }
}
