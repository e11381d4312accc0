package io.containeredge.cloud.sparkplug;

import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.tahu.SparkplugInvalidTypeException;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.PropertyDataType;
import org.eclipse.tahu.message.model.PropertySet;
import org.eclipse.tahu.message.model.PropertyValue;

/**
 * Turns process-image points and node status values into Sparkplug metrics.
 *
 * <p>Names are the point names ({@code <point>}) under the device's own topic. Aliases are unique
 * across the whole edge node, not per device, because Sparkplug 3.0 requires that; they are handed
 * out in the order the births ask for them (sorted names) and never change or get reused for the
 * life of the catalog, so a queued DDATA stays meaningful after a rebirth.
 *
 * <p>Quality travels as the Int32 property {@value #QUALITY} on every device metric, with the
 * OPC/Ignition codes SCADA hosts understand: {@value #GOOD} good, {@value #STALE} stale,
 * {@value #INVALID} bad (invalid), {@value #MISSING} bad, waiting for initial data (OPC DA 3 "never
 * read"). A value that is not good is sent as is_null, never as a number. The unit travels in births
 * as the String property {@value #UNIT} (Ignition's tag property name).
 */
public final class MetricCatalog {

    public static final String QUALITY = "Quality";
    public static final String UNIT = "engUnit";
    public static final int GOOD = 192;
    public static final int STALE = 500;
    public static final int INVALID = 0;
    public static final int MISSING = 32;

    /** Node metrics live under the empty device id, which no Sparkplug device can have. */
    private static final String NODE = "";

    private record Key(String device, String name) {
    }

    private final Map<Key, Long> aliases = new HashMap<>();
    private final Map<Long, Key> byAlias = new HashMap<>();
    private long nextAlias = 1; // 0 is falsy in some JavaScript decoders

    public static int qualityCode(Quality quality) {
        return switch (quality) {
            case GOOD -> GOOD;
            case STALE -> STALE;
            case INVALID -> INVALID;
            case MISSING -> MISSING;
        };
    }

    /** Sparkplug datatype of a process-image value; a point without a value yet is assumed numeric. */
    public static MetricDataType pointType(Object value) {
        if (value instanceof Boolean) {
            return MetricDataType.Boolean;
        }
        if (value instanceof String) {
            return MetricDataType.String;
        }
        return MetricDataType.Double;
    }

    /** Sparkplug datatype of a node status value (Integer/Short/Byte, Long, other numbers, Boolean, String). */
    public static MetricDataType nodeType(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return MetricDataType.Int32;
        }
        if (value instanceof Long) {
            return MetricDataType.Int64;
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof String) {
            return pointType(value);
        }
        throw new IllegalArgumentException("node metric value " + value + " is not a number, boolean or string");
    }

    /** The alias of a device point, assigned on first use. */
    public long alias(String device, String point) {
        return aliasOf(new Key(device, point));
    }

    /** The alias of a node metric, assigned on first use. */
    public long nodeAlias(String name) {
        return aliasOf(new Key(NODE, name));
    }

    /** The alias already given to a metric (device null for a node metric), or null: never assigns one. */
    public Long existingAlias(String device, String name) {
        return aliases.get(new Key(device == null ? NODE : device, name));
    }

    /** The metric name behind an alias a host used in a command; device null for node metrics. */
    public Optional<String> nameOf(String device, long alias) {
        Key key = byAlias.get(alias);
        String owner = device == null ? NODE : device;
        return key != null && key.device().equals(owner) ? Optional.of(key.name()) : Optional.empty();
    }

    /** A DBIRTH metric: name, alias, datatype, value or null, quality and unit. */
    public Metric birthMetric(PointValue p, MetricDataType type, long now) {
        PropertySet props = qualityProperty(p.quality());
        if (p.unit() != null && !p.unit().isEmpty()) {
            props.put(UNIT, property(PropertyDataType.String, p.unit()));
        }
        return build(p.point(), alias(p.device(), p.point()), type, pointValue(p, type), time(p, now), props);
    }

    /**
     * A DDATA metric: alias, datatype, value or null and quality. The name is added only when the
     * metric is built while no birth is in force (backlog), so it still decodes after a restart.
     */
    public Metric dataMetric(PointValue p, MetricDataType type, boolean withName, long now) {
        return build(withName ? p.point() : null, alias(p.device(), p.point()), type, pointValue(p, type),
                time(p, now), qualityProperty(p.quality()));
    }

    /** A node metric for NBIRTH (with name) or NDATA (alias only); bdSeq is passed with alias null. */
    public Metric nodeMetric(String name, Long alias, Object value, boolean withName, long now) {
        MetricDataType type = nodeType(value);
        return build(withName ? name : null, alias, type, convert(value, type), new Date(now), null);
    }

    private long aliasOf(Key key) {
        return aliases.computeIfAbsent(key, k -> {
            long a = nextAlias++;
            byAlias.put(a, k);
            return a;
        });
    }

    private static Object pointValue(PointValue p, MetricDataType type) {
        return p.quality() == Quality.GOOD && p.value() != null ? convert(p.value(), type) : null;
    }

    // Tahu checks the Java class against the datatype, so numbers are normalised here.
    private static Object convert(Object value, MetricDataType type) {
        if (type == MetricDataType.Double && value instanceof Number n) {
            return n.doubleValue();
        }
        if (type == MetricDataType.Int32 && value instanceof Number n) {
            return n.intValue();
        }
        return value;
    }

    // A point never read has timestamp 0; 1970 would mislead a historian more than "now".
    private static Date time(PointValue p, long now) {
        return new Date(p.timestampMillis() > 0 ? p.timestampMillis() : now);
    }

    private static PropertySet qualityProperty(Quality quality) {
        PropertySet props = new PropertySet();
        props.put(QUALITY, property(PropertyDataType.Int32, qualityCode(quality)));
        return props;
    }

    private static PropertyValue<PropertyDataType> property(PropertyDataType type, Object value) {
        try {
            return new PropertyValue<>(type, value);
        } catch (SparkplugInvalidTypeException e) {
            throw new IllegalStateException("property type mismatch: " + type + " " + value, e);
        }
    }

    private static Metric build(String name, Long alias, MetricDataType type, Object value, Date ts,
            PropertySet props) {
        try {
            return new Metric(name, alias, ts, type, null, null, null, props, value);
        } catch (SparkplugInvalidTypeException e) {
            throw new IllegalStateException("metric " + name + " of type " + type + " got " + value, e);
        }
    }
}
