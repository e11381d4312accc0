package io.containeredge.modbus.image;

import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An immutable view of the process image at one instant, what a control cycle works on. */
public final class Snapshot {

    private final long takenMillis;
    private final List<PointValue> values;
    private final Map<String, PointValue> byKey;

    public Snapshot(long takenMillis, List<PointValue> values) {
        this.takenMillis = takenMillis;
        this.values = List.copyOf(values);
        this.byKey = this.values.stream().collect(Collectors.toUnmodifiableMap(PointValue::key, Function.identity()));
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
