package io.containeredge.modbus.profile;

import java.util.Map;
import java.util.Set;

/**
 * One point of a device profile: where it is on the wire and how its registers become a value.
 *
 * @param scale multiplier applied to the raw number (engineering = raw * scale * 10^sf + offset)
 * @param min lowest physically possible engineering value, or null; below it the value is invalid
 * @param max highest physically possible engineering value, or null
 * @param invalidRaw raw values the device uses for "not available", in addition to the type's own
 * @param typeSentinels whether the type's not-implemented sentinel (0x8000, 0xFFFF, ...) applies
 * @param scaleFactor name of the {@link DataType#SUNSSF} point that scales this one, or null
 * @param flags bit number to flag name, for bitfields
 * @param enumValues raw value to label, for enums
 * @param length registers of a string
 */
public record PointDef(
        String name,
        Table table,
        int address,
        DataType type,
        int length,
        double scale,
        double offset,
        String unit,
        Double min,
        Double max,
        Set<Long> invalidRaw,
        boolean typeSentinels,
        String scaleFactor,
        PollClass pollClass,
        boolean writable,
        Order byteOrder,
        Order wordOrder,
        Map<Integer, String> flags,
        Map<Integer, String> enumValues,
        String description) {

    public PointDef {
        invalidRaw = Set.copyOf(invalidRaw);
        flags = Map.copyOf(flags);
        enumValues = Map.copyOf(enumValues);
    }

    /** Registers (or bits) the point occupies. */
    public int count() {
        if (table.isBits()) {
            return 1;
        }
        return type == DataType.STRING ? length : type.registers();
    }

    public int lastAddress() {
        return address + count() - 1;
    }

    /** A copy at another address with another name, used when SunSpec models are placed at runtime. */
    public PointDef relocated(String newName, int newAddress, String newScaleFactor) {
        return new PointDef(newName, table, newAddress, type, length, scale, offset, unit, min, max,
                invalidRaw, typeSentinels, newScaleFactor, pollClass, writable, byteOrder, wordOrder,
                flags, enumValues, description);
    }

    /** A copy in another poll class. */
    public PointDef withPollClass(PollClass newClass) {
        return new PointDef(name, table, address, type, length, scale, offset, unit, min, max,
                invalidRaw, typeSentinels, scaleFactor, newClass, writable, byteOrder, wordOrder,
                flags, enumValues, description);
    }
}
