package io.containeredge.modbus.codec;

import io.containeredge.modbus.profile.DataType;
import io.containeredge.modbus.profile.Order;
import io.containeredge.modbus.profile.PointDef;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes a point's registers into an engineering value and encodes values back into registers.
 * Sentinels, NaN and values outside the point's physical range decode as invalid, never as numbers.
 */
public final class PointCodec {

    private PointCodec() {
    }

    /**
     * Decodes one point.
     *
     * @param words exactly {@link PointDef#count()} registers (each 0..65535), or one 0/1 for bits
     * @param sfExponent exponent from the point's scale-factor register, or null if it has none;
     *     callers pass {@link Integer#MIN_VALUE} when the scale factor itself is invalid
     */
    public static Decoded decode(PointDef p, int[] words, Integer sfExponent) {
        if (words.length != p.count()) {
            return Decoded.invalid("expected " + p.count() + " registers, got " + words.length);
        }
        if (p.table().isBits() || p.type() == DataType.BOOL) {
            return Decoded.of(words[0] != 0);
        }
        if (p.type() == DataType.STRING) {
            // SunSpec's not-implemented string is all 0x0000: no value, not a good empty string
            return p.typeSentinels() && allZero(words) ? Decoded.invalid("not-implemented sentinel: all 0x0000")
                    : Decoded.of(decodeString(words, p.byteOrder()));
        }
        long bits = WordCodec.join(words, p.byteOrder(), p.wordOrder());
        String sentinel = sentinelReason(p, bits);
        if (sentinel != null) {
            return Decoded.invalid(sentinel);
        }
        return switch (p.type()) {
            case BITFIELD16, BITFIELD32 -> decodeBitfield(p, bits);
            case ENUM16 -> decodeEnum(p, bits);
            case SUNSSF -> decodeScaleFactor(bits);
            default -> decodeNumber(p, bits, sfExponent);
        };
    }

    /** The raw integer of a register-based point, sign-extended for signed types. */
    static long raw(DataType type, long bits) {
        return switch (type) {
            case INT16, SUNSSF -> (short) bits;
            case INT32 -> (int) bits;
            default -> bits;
        };
    }

    private static String sentinelReason(PointDef p, long bits) {
        if (p.invalidRaw().contains(bits) || p.invalidRaw().contains(raw(p.type(), bits))) {
            return String.format("not-available marker 0x%X", bits);
        }
        if (!p.typeSentinels()) {
            return null;
        }
        boolean hit = switch (p.type()) {
            case INT16, SUNSSF -> bits == 0x8000L;
            case UINT16, ENUM16, BITFIELD16 -> bits == 0xFFFFL;
            case INT32 -> bits == 0x80000000L;
            case UINT32, BITFIELD32 -> bits == 0xFFFFFFFFL;
            case INT64 -> bits == 0x8000000000000000L;
            case ACC32, ACC64 -> bits == 0L;
            default -> false;
        };
        return hit ? String.format("not-implemented sentinel 0x%X", bits) : null;
    }

    private static Decoded decodeNumber(PointDef p, long bits, Integer sfExponent) {
        double raw = switch (p.type()) {
            case FLOAT32 -> Float.intBitsToFloat((int) bits);
            case FLOAT64 -> Double.longBitsToDouble(bits);
            case ACC64 -> unsignedToDouble(bits);
            default -> raw(p.type(), bits);
        };
        if (Double.isNaN(raw) || Double.isInfinite(raw)) {
            return Decoded.invalid("not a number");
        }
        double value = raw * p.scale();
        if (p.scaleFactor() != null) {
            if (sfExponent == null || sfExponent == Integer.MIN_VALUE) {
                return Decoded.invalid("scale factor " + p.scaleFactor() + " not available");
            }
            value = value * Math.pow(10, sfExponent);
        }
        value += p.offset();
        if (p.min() != null && value < p.min() || p.max() != null && value > p.max()) {
            return Decoded.invalid("out of physical range: " + value);
        }
        return Decoded.of(value);
    }

    private static double unsignedToDouble(long bits) {
        return bits >= 0 ? bits : (double) (bits >>> 1) * 2.0 + (bits & 1);
    }

    private static Decoded decodeBitfield(PointDef p, long bits) {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        p.flags().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> flags.put(e.getValue(), ((bits >>> e.getKey()) & 1L) == 1L));
        return Decoded.withFlags((double) bits, flags);
    }

    private static Decoded decodeEnum(PointDef p, long bits) {
        String label = p.enumValues().get((int) bits);
        return label == null ? Decoded.invalid("undefined enum value " + bits) : Decoded.of(label);
    }

    private static Decoded decodeScaleFactor(long bits) {
        int sf = (short) bits;
        if (sf < -10 || sf > 10) {
            return Decoded.invalid("scale factor out of range: " + sf);
        }
        return Decoded.of((double) sf);
    }

    private static boolean allZero(int[] words) {
        for (int w : words) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    private static String decodeString(int[] words, Order byteOrder) {
        byte[] bytes = new byte[words.length * 2];
        for (int i = 0; i < words.length; i++) {
            int w = byteOrder == Order.LITTLE ? WordCodec.swapBytes(words[i]) : words[i];
            bytes[2 * i] = (byte) (w >> 8);
            bytes[2 * i + 1] = (byte) w;
        }
        int end = bytes.length;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                end = i;
                break;
            }
        }
        return new String(bytes, 0, end, StandardCharsets.US_ASCII).trim();
    }

    /**
     * Encodes an engineering value into the point's registers: the inverse of {@link #decode}.
     * Numbers are rounded to the nearest raw step; enums take their label, strings are padded with NUL.
     *
     * @param value Number, Boolean or String depending on the type
     * @param sfExponent the scale-factor exponent in force, or null if the point has none
     */
    public static int[] encode(PointDef p, Object value, Integer sfExponent) {
        if (p.table().isBits() || p.type() == DataType.BOOL) {
            return new int[] {truthy(value) ? 1 : 0};
        }
        return switch (p.type()) {
            case STRING -> encodeString(p, String.valueOf(value));
            case ENUM16 -> WordCodec.split(enumRaw(p, value), 1, p.byteOrder(), p.wordOrder());
            case FLOAT32 -> WordCodec.split(Float.floatToIntBits((float) toRaw(p, value, sfExponent)) & 0xFFFFFFFFL,
                    2, p.byteOrder(), p.wordOrder());
            case FLOAT64 -> WordCodec.split(Double.doubleToLongBits(toRaw(p, value, sfExponent)),
                    4, p.byteOrder(), p.wordOrder());
            default -> WordCodec.split(Math.round(toRaw(p, value, sfExponent)), p.count(),
                    p.byteOrder(), p.wordOrder());
        };
    }

    /** Registers that carry the type's not-available marker, e.g. for a simulated sensor fault. */
    public static int[] encodeSentinel(PointDef p) {
        if (p.type() == DataType.STRING && p.invalidRaw().isEmpty()) {
            return new int[p.count()];
        }
        long bits = switch (p.type()) {
            case INT16, SUNSSF -> 0x8000L;
            case INT32 -> 0x80000000L;
            case INT64 -> 0x8000000000000000L;
            case FLOAT32 -> Float.floatToIntBits(Float.NaN) & 0xFFFFFFFFL;
            case FLOAT64 -> Double.doubleToLongBits(Double.NaN);
            case ACC32, ACC64 -> 0L;
            default -> 0xFFFFFFFFFFFFFFFFL;
        };
        if (!p.invalidRaw().isEmpty()) {
            bits = p.invalidRaw().iterator().next();
        }
        return WordCodec.split(bits, Math.max(1, p.count()), p.byteOrder(), p.wordOrder());
    }

    private static double toRaw(PointDef p, Object value, Integer sfExponent) {
        double v = ((Number) value).doubleValue() - p.offset();
        if (sfExponent != null) {
            v = v / Math.pow(10, sfExponent);
        }
        return p.type().isNumeric() ? v / p.scale() : v;
    }

    private static long enumRaw(PointDef p, Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return p.enumValues().entrySet().stream()
                .filter(e -> e.getValue().equals(value))
                .mapToLong(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "point " + p.name() + " has no enum value '" + value + "'"));
    }

    private static int[] encodeString(PointDef p, String s) {
        byte[] src = s.getBytes(StandardCharsets.US_ASCII);
        int[] words = new int[p.length()];
        for (int i = 0; i < words.length; i++) {
            int hi = 2 * i < src.length ? src[2 * i] & 0xFF : 0;
            int lo = 2 * i + 1 < src.length ? src[2 * i + 1] & 0xFF : 0;
            int w = (hi << 8) | lo;
            words[i] = p.byteOrder() == Order.LITTLE ? WordCodec.swapBytes(w) : w;
        }
        return words;
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value instanceof Number n && n.doubleValue() != 0;
    }
}
