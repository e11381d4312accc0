package io.containeredge.modbus.sunspec;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.JsonFields;
import io.containeredge.modbus.config.SchemaValidator;
import io.containeredge.modbus.profile.DataType;
import io.containeredge.modbus.profile.Order;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.profile.PollClass;
import io.containeredge.modbus.profile.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a model definition document into a {@link SunSpecModel}: schema first, then what a schema
 * cannot express (the id matches the file, points fit in L without overlapping, scale factors exist).
 * A wrong offset here would silently read the wrong register on every device, so it is refused.
 */
final class SunSpecModelParser {

    private static final SchemaValidator SCHEMA = SchemaValidator.forSchema(SunSpecModelParser.class, "sunspec-model");

    private SunSpecModelParser() {
    }

    static SunSpecModel parse(String file, JsonNode doc, int expectedId) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>(SCHEMA.validate(file, doc));
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        List<PointDef> points = new ArrayList<>();
        for (JsonNode p : doc.get("points")) {
            points.add(point(p));
        }
        SunSpecModel model = new SunSpecModel(doc.get("id").asInt(), doc.get("name").asText(),
                doc.get("length").asInt(), points);
        if (model.id() != expectedId) {
            errors.add(new ConfigError(file, "$.id", "model id " + model.id() + " does not match its file name "
                    + "(model_" + expectedId + ".yaml)"));
        }
        errors.addAll(check(file, model));
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return model;
    }

    private static PointDef point(JsonNode p) {
        DataType type = DataType.fromKey(p.get("type").asText());
        return new PointDef(
                p.get("name").asText(),
                Table.HOLDING_REGISTER,
                p.get("offset").asInt(),
                type,
                type == DataType.STRING ? p.get("length").asInt() : type.registers(),
                1.0,
                0.0,
                p.path("unit").asText(""),
                null,
                null,
                JsonFields.rawValues(p.path("invalid")),
                true,
                p.has("sf") ? p.get("sf").asText() : null,
                PollClass.NORMAL,
                p.path("writable").asBoolean(false),
                Order.BIG,
                Order.BIG,
                JsonFields.labels(p.path("flags")),
                JsonFields.labels(p.path("values")),
                "");
    }

    private static List<ConfigError> check(String file, SunSpecModel model) {
        List<ConfigError> errors = new ArrayList<>();
        Map<String, PointDef> byName = new HashMap<>();
        Set<String> duplicates = new HashSet<>();
        model.points().forEach(p -> {
            if (byName.putIfAbsent(p.name(), p) != null) {
                duplicates.add(p.name());
            }
        });
        for (int i = 0; i < model.points().size(); i++) {
            PointDef p = model.points().get(i);
            String at = "$.points[" + i + "]";
            if (duplicates.contains(p.name())) {
                errors.add(new ConfigError(file, at + ".name", "point name '" + p.name() + "' is used twice"));
            }
            if (p.address() + p.count() > model.length()) {
                errors.add(new ConfigError(file, at, "point " + p.name() + " ends at offset "
                        + p.lastAddress() + ", past the model length " + model.length()));
            }
            if (p.scaleFactor() != null) {
                PointDef sf = byName.get(p.scaleFactor());
                if (sf == null || sf.type() != DataType.SUNSSF) {
                    errors.add(new ConfigError(file, at + ".sf",
                            "'" + p.scaleFactor() + "' is not a sunssf point of this model"));
                }
            }
            if (!p.enumValues().isEmpty() && p.type() != DataType.ENUM16) {
                errors.add(new ConfigError(file, at + ".values", "only enum16 points have values"));
            }
            if (!p.flags().isEmpty() && !p.type().isBitfield()) {
                errors.add(new ConfigError(file, at + ".flags", "only bitfield points have flags"));
            }
        }
        errors.addAll(overlaps(file, model.points()));
        return errors;
    }

    private static List<ConfigError> overlaps(String file, List<PointDef> points) {
        List<PointDef> sorted = points.stream().sorted(Comparator.comparingInt(PointDef::address)).toList();
        List<ConfigError> errors = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            PointDef prev = sorted.get(i - 1);
            PointDef next = sorted.get(i);
            if (next.address() <= prev.lastAddress()) {
                errors.add(new ConfigError(file, "$.points", "point " + next.name() + " at offset "
                        + next.address() + " overlaps " + prev.name() + " (offsets " + prev.address() + ".."
                        + prev.lastAddress() + ")"));
            }
        }
        return errors;
    }
}
