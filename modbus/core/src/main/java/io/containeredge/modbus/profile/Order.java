package io.containeredge.modbus.profile;

/**
 * Byte order inside a register, or word order across the registers of a multi-register value.
 * BIG means most significant first, which is what the Modbus specification uses.
 */
public enum Order {
    BIG,
    LITTLE;

    public static Order fromKey(String key) {
        return switch (key) {
            case "big" -> BIG;
            case "little" -> LITTLE;
            default -> throw new IllegalArgumentException("unknown order '" + key + "'");
        };
    }
}
