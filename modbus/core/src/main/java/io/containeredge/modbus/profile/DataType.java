package io.containeredge.modbus.profile;

/**
 * Wire types a point can have. The register count of {@link #STRING} comes from the point's length.
 */
public enum DataType {
    BOOL("bool", 1),
    INT16("int16", 1),
    UINT16("uint16", 1),
    INT32("int32", 2),
    UINT32("uint32", 2),
    INT64("int64", 4),
    FLOAT32("float32", 2),
    FLOAT64("float64", 4),
    ACC32("acc32", 2),
    ACC64("acc64", 4),
    BITFIELD16("bitfield16", 1),
    BITFIELD32("bitfield32", 2),
    ENUM16("enum16", 1),
    STRING("string", 0),
    SUNSSF("sunssf", 1);

    private final String key;
    private final int registers;

    DataType(String key, int registers) {
        this.key = key;
        this.registers = registers;
    }

    public String key() {
        return key;
    }

    /** Registers occupied on the wire; 0 for strings, whose length the point declares. */
    public int registers() {
        return registers;
    }

    public boolean isBitfield() {
        return this == BITFIELD16 || this == BITFIELD32;
    }

    /** Types whose value is a number an engineering scale applies to. */
    public boolean isNumeric() {
        return switch (this) {
            case INT16, UINT16, INT32, UINT32, INT64, FLOAT32, FLOAT64, ACC32, ACC64 -> true;
            default -> false;
        };
    }

    public static DataType fromKey(String key) {
        for (DataType t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown type '" + key + "'");
    }
}
