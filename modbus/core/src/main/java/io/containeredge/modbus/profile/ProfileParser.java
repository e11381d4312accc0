package io.containeredge.modbus.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.JsonFields;
import io.containeredge.modbus.config.SchemaValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a profile document into a {@link DeviceProfile}: schema first, then the rules a schema cannot
 * express (see {@link ProfileChecks}). Reports every error with file, path and reason.
 */
public final class ProfileParser {

    private static final SchemaValidator SCHEMA = SchemaValidator.forSchema(ProfileParser.class, "profile");

    private ProfileParser() {
    }

    public static DeviceProfile parse(String file, JsonNode doc) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>(SCHEMA.validate(file, doc));
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        Order byteOrder = Order.fromKey(doc.path("byteOrder").asText("big"));
        Order wordOrder = Order.fromKey(doc.path("wordOrder").asText("big"));
        boolean typeSentinels = doc.path("typeSentinels").asBoolean(true);
        List<PointDef> points = new ArrayList<>();
        for (JsonNode p : doc.path("points")) {
            points.add(point(p, byteOrder, wordOrder, typeSentinels));
        }
        List<AddressRange> unreadable = new ArrayList<>();
        for (JsonNode r : doc.path("unreadable")) {
            unreadable.add(new AddressRange(Table.fromKey(r.get("table").asText()),
                    r.get("from").asInt(), r.get("to").asInt()));
        }
        DeviceProfile profile = new DeviceProfile(doc.get("id").asText(), doc.path("description").asText(""),
                points, unreadable, sunspec(doc.get("sunspec")));
        errors.addAll(ProfileChecks.check(file, profile));
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return profile;
    }

    private static PointDef point(JsonNode p, Order byteOrder, Order wordOrder, boolean typeSentinels) {
        Table table = Table.fromKey(p.get("table").asText());
        DataType type = DataType.fromKey(p.get("type").asText());
        return new PointDef(
                p.get("name").asText(),
                table,
                p.get("address").asInt(),
                type,
                p.path("length").asInt(type == DataType.STRING ? 1 : type.registers()),
                p.path("scale").asDouble(1.0),
                p.path("offset").asDouble(0.0),
                p.path("unit").asText(""),
                p.has("min") ? p.get("min").asDouble() : null,
                p.has("max") ? p.get("max").asDouble() : null,
                JsonFields.rawValues(p.path("invalid")),
                p.path("typeSentinels").asBoolean(typeSentinels),
                p.has("scaleFactor") ? p.get("scaleFactor").asText() : null,
                PollClass.fromKey(p.path("poll").asText("normal")),
                p.path("writable").asBoolean(false),
                p.has("byteOrder") ? Order.fromKey(p.get("byteOrder").asText()) : byteOrder,
                p.has("wordOrder") ? Order.fromKey(p.get("wordOrder").asText()) : wordOrder,
                JsonFields.labels(p.path("flags")),
                JsonFields.labels(p.path("values")),
                p.path("description").asText(""));
    }

    private static SunSpecSpec sunspec(JsonNode node) {
        if (node == null) {
            return null;
        }
        List<Integer> bases = new ArrayList<>();
        node.path("bases").forEach(b -> bases.add(b.asInt()));
        List<Integer> models = new ArrayList<>();
        node.path("models").forEach(m -> models.add(m.asInt()));
        Map<Integer, PollClass> poll = new LinkedHashMap<>();
        node.path("poll").fields().forEachRemaining(
                e -> poll.put(Integer.parseInt(e.getKey()), PollClass.fromKey(e.getValue().asText())));
        return new SunSpecSpec(bases.isEmpty() ? SunSpecSpec.DEFAULT_BASES : bases, models, poll);
    }
}
