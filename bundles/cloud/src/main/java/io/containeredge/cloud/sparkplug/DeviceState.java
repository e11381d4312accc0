package io.containeredge.cloud.sparkplug;

import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleBiFunction;
import org.eclipse.tahu.message.model.MetricDataType;

/** What the edge node knows and last told the host about one Sparkplug device. */
final class DeviceState {

    final String id;
    /** Sorted so births list metrics, and so hand out aliases, in a deterministic order. */
    private final SortedMap<String, PointValue> latest = new TreeMap<>();
    private final Map<String, PointValue> sent = new HashMap<>();
    private final Map<String, MetricDataType> birthTypes = new HashMap<>();
    boolean online = true;
    /** A DBIRTH is in force for the current NBIRTH. */
    boolean born;

    DeviceState(String id) {
        this.id = id;
    }

    void update(PointValue p) {
        latest.put(p.point(), p);
    }

    boolean hasPoints() {
        return !latest.isEmpty();
    }

    /** A new point or a value of another type than announced can only be introduced by a DBIRTH. */
    boolean needsBirth() {
        if (!born) {
            return true;
        }
        for (PointValue p : latest.values()) {
            MetricDataType announced = birthTypes.get(p.point());
            if (announced == null || (p.value() != null && MetricCatalog.pointType(p.value()) != announced)) {
                return true;
            }
        }
        return false;
    }

    /** Fixes the datatypes announced in the DBIRTH and returns every point, all now counted as sent. */
    List<PointValue> birth() {
        for (PointValue p : latest.values()) {
            birthTypes.put(p.point(), typeOf(p));
        }
        born = true;
        return all();
    }

    /** The announced datatype; a point without any value so far keeps the one it was born with. */
    MetricDataType typeOf(PointValue p) {
        MetricDataType announced = birthTypes.get(p.point());
        return p.value() == null && announced != null ? announced : MetricCatalog.pointType(p.value());
    }

    /** Every point, for a birth or a full refresh. */
    List<PointValue> all() {
        sent.putAll(latest);
        return new ArrayList<>(latest.values());
    }

    /** The points that changed enough since they were last sent; they are counted as sent. */
    List<PointValue> changes(ToDoubleBiFunction<String, String> deadband) {
        List<PointValue> out = new ArrayList<>();
        for (PointValue p : latest.values()) {
            if (changed(sent.get(p.point()), p, deadband.applyAsDouble(id, p.point()))) {
                out.add(p);
                sent.put(p.point(), p);
            }
        }
        return out;
    }

    /**
     * Compared with the last sent value, not the last seen one, so a slow drift inside the deadband
     * still gets out once it adds up. A quality change is always news; a value that is not good is
     * sent as null, so its changes are not.
     */
    static boolean changed(PointValue last, PointValue now, double deadband) {
        if (last == null || last.quality() != now.quality()) {
            return true;
        }
        if (now.quality() != Quality.GOOD) {
            return false;
        }
        if (last.value() instanceof Number a && now.value() instanceof Number b) {
            return Math.abs(b.doubleValue() - a.doubleValue()) > deadband;
        }
        return !Objects.equals(last.value(), now.value());
    }
}
