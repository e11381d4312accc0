package io.containeredge.cloud.remote;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.SortedMap;

/**
 * The text a DCMD's signature covers: {@code id\nexpires\n<site>\n<container>\n<device>\n} followed, for each metric to
 * write sorted by name, by {@code name=value\n}. Numbers in plain decimal without exponent or trailing
 * zeros ({@code 1500}, {@code 0.25}, {@code -3}); a Double as its shortest round-trip decimal (what
 * Java's {@code Double.toString} and JavaScript's {@code String(x)} give, before that formatting); a
 * Float likewise as a float; booleans {@code true}/{@code false}; strings as they are. A name with
 * {@code =} or a line break, or a string value with a line break, is refused: the text must have one
 * reading only. The site and container are those of the topic the DCMD arrived on, so a DCMD signed
 * for another container (or site, or device) does not verify here.
 */
final class DcmdCanonical {

    /** Where a DCMD was sent: the site (group), the container (edge node) and the device. */
    record Target(String site, String container, String device) {
    }

    private DcmdCanonical() {
    }

    static String text(String id, long expiresMillis, Target target, SortedMap<String, Object> metrics)
            throws Refusal {
        StringBuilder sb = new StringBuilder().append(id).append('\n').append(expiresMillis).append('\n')
                .append(target.site()).append('\n').append(target.container()).append('\n')
                .append(target.device()).append('\n');
        for (Map.Entry<String, Object> m : metrics.entrySet()) {
            String name = m.getKey();
            if (name.indexOf('=') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
                throw new Refusal(id, "metric name '" + name.replaceAll("[\\r\\n]", " ") + "' contains '=' or a line break");
            }
            sb.append(name).append('=').append(value(id, name, m.getValue())).append('\n');
        }
        return sb.toString();
    }

    static String value(String id, String name, Object v) throws Refusal {
        if (v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof String s) {
            if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                throw new Refusal(id, "metric " + name + ": a string value with a line break cannot be signed");
            }
            return s;
        }
        if (v instanceof Double && !Double.isFinite((Double) v) || v instanceof Float && !Float.isFinite((Float) v)) {
            throw new Refusal(id, "metric " + name + ": not a finite number");
        }
        BigDecimal d = decimal(v);
        if (d == null) {
            throw new Refusal(id, "metric " + name + ": " + (v == null ? "no value" : "a value of type "
                    + v.getClass().getSimpleName() + " cannot be written") + " (numbers, booleans and strings can)");
        }
        return d.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        if (v instanceof Float f) {
            return new BigDecimal(Float.toString(f));
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        return null;
    }
}
