package io.containeredge.modbus.sunspec;

import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.profile.PointDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The register map of a SunSpec device built from model definitions: the 'SunS' marker at the base,
 * each model's (id, L) header followed by its body, then the end marker. A simulator serves it; the
 * same layout is what {@link SunSpecDiscovery} walks, so both sides agree by construction.
 */
public final class SunSpecLayout {

    private static final String SOURCE = "sunspec layout";
    private static final int LAST_ADDRESS = 0xFFFF;

    private final int base;
    private final int length;
    private final List<PointDef> points;
    private final Map<Integer, Integer> headerRegisters;

    private SunSpecLayout(int base, int length, List<PointDef> points, Map<Integer, Integer> headerRegisters) {
        this.base = base;
        this.length = length;
        this.points = List.copyOf(points);
        this.headerRegisters = Collections.unmodifiableMap(new TreeMap<>(headerRegisters));
    }

    /**
     * Lays out {@code modelIds} in order from {@code base}, each with the L of its definition.
     *
     * @throws ConfigException if a model has no definition, is listed twice (its point names would
     *     collide) or the layout does not fit below register 65535
     */
    public static SunSpecLayout build(SunSpecModels models, int base, List<Integer> modelIds) throws ConfigException {
        if (base < 0 || base > LAST_ADDRESS) {
            throw ConfigException.single(SOURCE, "$.base", "base " + base + " is not a register address");
        }
        Map<Integer, Integer> header = new TreeMap<>();
        header.put(base, SunSpecDiscovery.MARKER_HIGH);
        header.put(base + 1, SunSpecDiscovery.MARKER_LOW);
        List<PointDef> points = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int address = base + 2;
        for (int id : modelIds) {
            if (!seen.add(id)) {
                throw ConfigException.single(SOURCE, "$.models", "model " + id + " is listed twice");
            }
            SunSpecModel model = models.get(id);
            header.put(address, id);
            header.put(address + 1, model.length());
            points.addAll(model.placedAt(address + 2, model.length()));
            address += 2 + model.length();
        }
        if (address + 1 > LAST_ADDRESS) {
            throw ConfigException.single(SOURCE, "$.models", "models " + modelIds + " from base " + base
                    + " end at register " + (address + 1) + ", past 65535");
        }
        header.put(address, SunSpecDiscovery.END_MODEL_ID);
        header.put(address + 1, 0);
        return new SunSpecLayout(base, address + 2 - base, points, header);
    }

    public int base() {
        return base;
    }

    /** Registers from the base through the end marker's L register inclusive. */
    public int length() {
        return length;
    }

    /** Every model point at its absolute address, named {@code m<id>.<Point>}, poll class NORMAL. */
    public List<PointDef> points() {
        return points;
    }

    /** Absolute address to value of the marker, every model's id and L, and the end marker (0xFFFF, 0). */
    public Map<Integer, Integer> headerRegisters() {
        return headerRegisters;
    }
}
