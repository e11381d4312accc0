package io.containeredge.modbus.value;

/**
 * One entry of the process image.
 *
 * @param value Double for numbers, Boolean for bits and flags, String for enums and strings;
 *     null unless the quality is GOOD or STALE
 * @param timestampMillis when the read that produced it completed (epoch ms), 0 if never read
 * @param reason why the value is not good (sentinel, out of range, ...), or null
 */
public record PointValue(
        String device,
        String point,
        Object value,
        String unit,
        Quality quality,
        long timestampMillis,
        String reason) {

    public static PointValue good(String device, String point, Object value, String unit, long ts) {
        return new PointValue(device, point, value, unit, Quality.GOOD, ts, null);
    }

    public static PointValue invalid(String device, String point, String unit, long ts, String reason) {
        return new PointValue(device, point, null, unit, Quality.INVALID, ts, reason);
    }

    public static PointValue missing(String device, String point, String unit) {
        return new PointValue(device, point, null, unit, Quality.MISSING, 0, "never read");
    }

    public PointValue withQuality(Quality newQuality, String newReason) {
        return new PointValue(device, point, value, unit, newQuality, timestampMillis, newReason);
    }

    public String key() {
        return device + "/" + point;
    }

    /** The value as a number, or NaN when it is not a good number; guards rely on this. */
    public double asDouble() {
        if (quality != Quality.GOOD) {
            return Double.NaN;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return Double.NaN;
    }
}
