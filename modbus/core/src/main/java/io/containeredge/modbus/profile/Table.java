package io.containeredge.modbus.profile;

/** The four Modbus data tables. Bit tables hold one bit per address, register tables 16 bits. */
public enum Table {
    COIL("coil", true, true),
    DISCRETE_INPUT("discrete", true, false),
    INPUT_REGISTER("input", false, false),
    HOLDING_REGISTER("holding", false, true);

    private final String key;
    private final boolean bits;
    private final boolean writable;

    Table(String key, boolean bits, boolean writable) {
        this.key = key;
        this.bits = bits;
        this.writable = writable;
    }

    /** The name used in profiles. */
    public String key() {
        return key;
    }

    public boolean isBits() {
        return bits;
    }

    /** Whether the protocol has a write function code for this table at all. */
    public boolean isWritable() {
        return writable;
    }

    /** Largest read the protocol allows in one request: 2000 bits or 125 registers. */
    public int maxReadCount() {
        return bits ? 2000 : 125;
    }

    public static Table fromKey(String key) {
        for (Table t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown table '" + key + "'");
    }
}
