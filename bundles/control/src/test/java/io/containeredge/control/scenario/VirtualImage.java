package io.containeredge.control.scenario;

import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The process image a scenario feeds the loop: every point the test or the physics sets, stamped with the
 * virtual monotonic time. A device the test silenced (or a point it made missing or invalid) stays so until the
 * test sets one of its points again: the physics never refreshes it behind the test's back.
 */
public final class VirtualImage {

    private final Map<String, PointValue> points = new LinkedHashMap<>();
    private final Set<String> heldByTest = new HashSet<>();
    private final LongSupplier now;

    VirtualImage(LongSupplier now) {
        this.now = now;
    }

    /** What the loop reads this cycle. */
    Snapshot snapshot() {
        return new Snapshot(now.getAsLong(), List.copyOf(points.values()));
    }

    /** A good reading set by the test: it also ends a silence of that point. */
    public void set(String device, String point, Object value) {
        heldByTest.remove(device + "/" + point);
        points.put(device + "/" + point, PointValue.good(device, point, value, "", now.getAsLong()));
    }

    /** A reading the physics keeps up to date, unless the test took the point over. */
    void follow(String device, String point, Object value) {
        if (!heldByTest.contains(device + "/" + point)) {
            points.put(device + "/" + point, PointValue.good(device, point, value, "", now.getAsLong()));
        }
    }

    /** Every point of the device turns stale: it stopped answering. */
    public void silence(String device) {
        points.replaceAll((key, v) -> {
            if (!v.device().equals(device)) {
                return v;
            }
            heldByTest.add(key);
            return v.withQuality(Quality.STALE, "no answer");
        });
    }

    /** The point is the physics' again: it answers from the next cycle on. */
    public void answers(String device, String point) {
        heldByTest.remove(device + "/" + point);
    }

    /** The point has not been read yet (as after a start). */
    public void missing(String device, String point, String unit) {
        put(PointValue.missing(device, point, unit));
    }

    /** The device answered with a value that cannot be trusted (a sentinel, a probe fault). */
    public void invalid(String device, String point, String unit, String reason) {
        put(PointValue.invalid(device, point, unit, now.getAsLong(), reason));
    }

    /** A point exactly as given (quality, timestamp and all): held until the test sets the point again. */
    public void put(PointValue value) {
        String key = value.device() + "/" + value.point();
        heldByTest.add(key);
        points.put(key, value);
    }

    public PointValue get(String device, String point) {
        return points.get(device + "/" + point);
    }
}
