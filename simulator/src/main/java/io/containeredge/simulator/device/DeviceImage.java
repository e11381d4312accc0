package io.containeredge.simulator.device;

import io.containeredge.modbus.codec.Decoded;
import io.containeredge.modbus.codec.PointCodec;
import io.containeredge.modbus.profile.AddressRange;
import io.containeredge.modbus.profile.DataType;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.profile.Table;
import io.containeredge.simulator.modbus.ModbusError;
import io.containeredge.simulator.modbus.RegisterSpace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The register tables of one simulated device, built from its profile's points. The physics model
 * sets named engineering values ({@code set("supply_temp", 38.5)}), encoded with {@link PointCodec}
 * exactly as the gateway will decode them; client writes to writable points are decoded back into
 * named values the model collects with {@link #drainWrites()}.
 *
 * <p>Only addresses covered by a point (or declared readable, e.g. a SunSpec block) can be read;
 * anything else is exception 02, as a real device answers for a hole in its map. Writes must fall
 * entirely on writable points, with values the device's {@link WriteCheck} takes (exception 03 otherwise).
 *
 * <p>Sensor faults: a frozen point keeps its registers while the physics moves on; an invalid point
 * shows the type's (or profile's) not-available sentinel. Registers of points never set hold the
 * sentinel too (SunSpec's "not implemented"), scale factors 0.
 *
 * <p>SunSpec scale factors are auto-ranged: chosen at the first non-zero value of their group (the
 * finest resolution that leaves room for 3x that value) and raised (never lowered) when a value would
 * overflow its integer type, re-encoding the whole group.
 */
public final class DeviceImage implements RegisterSpace {

    private final String device;
    private final Map<String, PointDef> byName = new LinkedHashMap<>();
    private final Map<Table, TableWords> tables = new EnumMap<>(Table.class);
    private final Map<String, Object> engineering = new HashMap<>();
    private final Set<String> frozen = new HashSet<>();
    private final Set<String> invalid = new HashSet<>();
    private final Set<String> scaleChosen = new HashSet<>();
    private final List<PointWrite> pendingWrites = new ArrayList<>();
    private WriteCheck writeCheck = (point, value) -> null;

    /**
     * @param points the device's points at absolute addresses
     * @param fixedHolding holding registers with constant content (e.g. SunSpec marker and model headers)
     * @param extraReadable further readable ranges (e.g. a whole SunSpec block, padding included)
     */
    public DeviceImage(String device, Collection<PointDef> points, Map<Integer, Integer> fixedHolding,
            List<AddressRange> extraReadable) {
        this.device = device;
        for (Table t : Table.values()) {
            tables.put(t, new TableWords());
        }
        for (PointDef p : points) {
            byName.put(p.name(), p);
            tables.get(p.table()).cover(p, p.address(), p.lastAddress());
        }
        fixedHolding.forEach((addr, v) -> tables.get(Table.HOLDING_REGISTER).fixed(addr, v));
        extraReadable.forEach(r -> tables.get(r.table()).readableRange(r.from(), r.to()));
        for (PointDef p : points) {
            if (!p.table().isBits()) {
                tables.get(p.table()).put(p.address(), initialWords(p));
            }
        }
    }

    public DeviceImage(String device, Collection<PointDef> points) {
        this(device, points, Map.of(), List.of());
    }

    private static int[] initialWords(PointDef p) {
        if (p.type() == DataType.SUNSSF || p.type() == DataType.STRING) {
            return new int[p.count()];
        }
        return PointCodec.encodeSentinel(p);
    }

    public String device() {
        return device;
    }

    public boolean has(String point) {
        return byName.containsKey(point);
    }

    public PointDef point(String name) {
        PointDef p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("device " + device + " has no point '" + name + "'");
        }
        return p;
    }

    public Collection<PointDef> points() {
        return byName.values();
    }

    /** Sets a point's engineering value (Number, Boolean, or String for enums and strings). */
    public synchronized void set(String name, Object value) {
        PointDef p = point(name);
        engineering.put(name, value);
        if (frozen.contains(name) || invalid.contains(name)) {
            return;
        }
        encode(p, value);
    }

    /** Sets a point only if the device has it: lets one adapter serve profiles with optional points. */
    public void setIfPresent(String name, Object value) {
        if (has(name)) {
            set(name, value);
        }
    }

    private void encode(PointDef p, Object value) {
        Integer sf = null;
        if (p.scaleFactor() != null && value instanceof Number n) {
            sf = ensureScale(p, n.doubleValue());
        }
        Object v = value instanceof Number n ? clamp(p, n.doubleValue(), sf) : value;
        tables.get(p.table()).put(p.address(), PointCodec.encode(p, v, sf));
    }

    private static double clamp(PointDef p, double v, Integer sf) {
        if (Double.isNaN(v)) {
            return v;
        }
        if (p.min() != null) {
            v = Math.max(v, p.min());
        }
        if (p.max() != null) {
            v = Math.min(v, p.max());
        }
        double[] raw = RawBounds.of(p.type());
        if (raw != null && p.scale() > 0) {
            double unit = p.scale() * (sf == null ? 1 : Math.pow(10, sf));
            v = Math.max(raw[0] * unit + p.offset(), Math.min(raw[1] * unit + p.offset(), v));
        }
        return v;
    }

    private int ensureScale(PointDef p, double value) {
        String sfName = p.scaleFactor();
        int current = sfExponent(p);
        int needed = current;
        double limit = RawBounds.maxMagnitude(p.type());
        if (!scaleChosen.contains(sfName) && value != 0) {
            // finest resolution (down to 0.001) that leaves room for 3x the first value
            needed = -3;
            while (needed < 10 && 3 * Math.abs(value - p.offset()) / p.scale() / Math.pow(10, needed) > limit) {
                needed++;
            }
        }
        while (needed < 10 && Math.abs(value - p.offset()) / p.scale() / Math.pow(10, needed) > limit) {
            needed++;
        }
        if (value != 0) {
            scaleChosen.add(sfName);
        }
        if (needed != current && byName.containsKey(sfName)) {
            PointDef sfPoint = byName.get(sfName);
            tables.get(sfPoint.table()).put(sfPoint.address(), PointCodec.encode(sfPoint, needed, null));
            engineering.put(sfName, needed);
            for (PointDef other : byName.values()) {
                Object v = engineering.get(other.name());
                if (other != p && sfName.equals(other.scaleFactor()) && v instanceof Number n
                        && !frozen.contains(other.name()) && !invalid.contains(other.name())) {
                    tables.get(other.table()).put(other.address(),
                            PointCodec.encode(other, clamp(other, n.doubleValue(), needed), needed));
                }
            }
        }
        return needed;
    }

    /** The exponent of the point's scale factor as the registers show it, or null if it has none. */
    private Integer sfExponentOrNull(PointDef p) {
        return p.scaleFactor() == null ? null : sfExponent(p);
    }

    private int sfExponent(PointDef p) {
        PointDef sfPoint = byName.get(p.scaleFactor());
        if (sfPoint == null) {
            return 0;
        }
        return (short) tables.get(sfPoint.table()).get(sfPoint.address(), 1)[0];
    }

    /** Decodes a point from the registers, as a client would see it. */
    public synchronized Decoded get(String name) {
        PointDef p = point(name);
        return PointCodec.decode(p, tables.get(p.table()).get(p.address(), p.count()), sfExponentOrNull(p));
    }

    /** The point's value as a number (booleans as 0/1), or NaN when it does not decode as valid. */
    public double number(String name) {
        Decoded d = get(name);
        if (d.value() instanceof Number n) {
            return n.doubleValue();
        }
        return d.value() instanceof Boolean b ? (b ? 1 : 0) : Double.NaN;
    }

    public synchronized void setFrozen(String name, boolean on) {
        point(name);
        if (on) {
            frozen.add(name);
        } else if (frozen.remove(name)) {
            restore(name);
        }
    }

    public synchronized void setInvalid(String name, boolean on) {
        PointDef p = point(name);
        if (on) {
            invalid.add(name);
            tables.get(p.table()).put(p.address(), PointCodec.encodeSentinel(p));
        } else if (invalid.remove(name)) {
            restore(name);
        }
    }

    public synchronized void clearPointFaults() {
        List<String> names = new ArrayList<>(frozen);
        names.addAll(invalid);
        frozen.clear();
        invalid.clear();
        names.forEach(this::restore);
    }

    public synchronized boolean isFaulted(String name) {
        return frozen.contains(name) || invalid.contains(name);
    }

    private void restore(String name) {
        Object v = engineering.get(name);
        if (v != null && !frozen.contains(name) && !invalid.contains(name)) {
            encode(byName.get(name), v);
        }
    }

    /** Client writes since the last call, oldest first. */
    public synchronized List<PointWrite> drainWrites() {
        List<PointWrite> out = List.copyOf(pendingWrites);
        pendingWrites.clear();
        return out;
    }

    @Override
    public synchronized int[] read(Table table, int start, int count) throws ModbusError {
        TableWords t = tables.get(table);
        if (!t.readable(start, count)) {
            throw new ModbusError(ModbusError.ILLEGAL_DATA_ADDRESS,
                    device + ": " + table.key() + " " + start + "+" + count + " not mapped");
        }
        return t.get(start, count);
    }

    @Override
    public synchronized void write(Table table, int start, int[] values) throws ModbusError {
        TableWords t = tables.get(table);
        if (!t.writable(start, values.length)) {
            throw new ModbusError(ModbusError.ILLEGAL_DATA_ADDRESS,
                    device + ": " + table.key() + " " + start + "+" + values.length + " not writable");
        }
        int[] before = t.get(start, values.length);
        t.put(start, values);
        List<PointWrite> taken = new ArrayList<>();
        for (PointDef p : t.pointsIn(start, values.length)) {
            Decoded d = PointCodec.decode(p, t.get(p.address(), p.count()), sfExponentOrNull(p));
            String refusal = writeCheck.refusal(p.name(), d.value());
            if (refusal != null) {
                t.put(start, before); // a refused request changes nothing, not even its other points
                throw new ModbusError(ModbusError.ILLEGAL_DATA_VALUE, device + ": " + p.name() + " " + refusal);
            }
            taken.add(new PointWrite(device, p.name(), d.value(), d.invalidReason()));
        }
        for (PointWrite w : taken) {
            engineering.put(w.point(), w.value());
            pendingWrites.add(w);
        }
    }

    /** Decides whether the device takes a client's value for a point, as a real device checks a setpoint's range. */
    @FunctionalInterface
    public interface WriteCheck {

        /** Why the device refuses {@code value} for {@code point}, or null when it takes it. */
        String refusal(String point, Object value);
    }

    /** From now on a write {@code check} refuses is answered with exception 03 (illegal data value). */
    public synchronized void checkWrites(WriteCheck check) {
        writeCheck = check;
    }
}
