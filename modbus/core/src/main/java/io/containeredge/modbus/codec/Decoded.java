package io.containeredge.modbus.codec;

import java.util.Map;

/**
 * The result of decoding one point: either a value (with the flags of a bitfield) or the reason it
 * is invalid. Never both.
 */
public record Decoded(Object value, String invalidReason, Map<String, Boolean> flags) {

    public Decoded {
        flags = Map.copyOf(flags);
    }

    public static Decoded of(Object value) {
        return new Decoded(value, null, Map.of());
    }

    public static Decoded withFlags(Object value, Map<String, Boolean> flags) {
        return new Decoded(value, null, flags);
    }

    public static Decoded invalid(String reason) {
        return new Decoded(null, reason, Map.of());
    }

    public boolean isValid() {
        return invalidReason == null;
    }
}
