package io.containeredge.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed fields of a JSON request body, each refused with a message that names the field and says
 * what is expected. Unknown fields are refused too: a misspelt {@code "minute"} must not silently
 * become a default.
 */
public final class JsonFields {

    /** A site's device id: what the site schema accepts, bounded. */
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** The most minutes a {@link Duration} holds: more would overflow where it is built. */
    private static final long MAX_MINUTES = Long.MAX_VALUE / 60;

    private final ObjectNode body;

    private JsonFields(ObjectNode body) {
        this.body = body;
    }

    /** The body's fields, refused when it has one that is not in {@code allowed}. */
    public static JsonFields of(ObjectNode body, Set<String> allowed) throws RequestRefused {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw RequestRefused.badRequest("unknown field(s) " + unknown + "; expected " + allowed.stream().sorted().toList());
        }
        return new JsonFields(body);
    }

    public String deviceId(String name) throws RequestRefused {
        String id = text(name);
        if (!DEVICE_ID.matcher(id).matches()) {
            throw RequestRefused.badRequest("'" + name + "' must be a device id (letters, digits, '.', '_', '-')");
        }
        return id;
    }

    public String text(String name) throws RequestRefused {
        JsonNode n = body.get(name);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw RequestRefused.badRequest("'" + name + "' is required: a non-empty string");
        }
        return n.asText();
    }

    /** A whole number in {@code [min, max]}. */
    public long whole(String name, long min, long max) throws RequestRefused {
        JsonNode n = body.get(name);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min || n.asLong() > max) {
            throw RequestRefused.badRequest("'" + name + "' is required: a whole number from " + min + " to " + max);
        }
        return n.asLong();
    }

    /**
     * A finite number; whether it is in range is for whoever acts on it to say (the controller checks
     * an import cap against the site's).
     */
    public double number(String name) throws RequestRefused {
        JsonNode n = body.get(name);
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw RequestRefused.badRequest("'" + name + "' is required: a number");
        }
        return n.asDouble();
    }

    /** A time: epoch milliseconds, or ISO-8601 with its offset ({@code 2026-12-06T14:00:00Z}). */
    public long time(String name) throws RequestRefused {
        JsonNode n = body.get(name);
        if (n != null && n.isIntegralNumber() && n.canConvertToLong()) {
            return n.asLong();
        }
        if (n != null && n.isTextual()) {
            try {
                return OffsetDateTime.parse(n.asText()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                // refused below with the forms it may have
            }
        }
        throw RequestRefused.badRequest("'" + name + "' is required: epoch milliseconds or an ISO-8601 time with an"
                + " offset, e.g. 2026-12-06T14:00:00Z");
    }

    /** A whole number of minutes, as a duration; its range is, like {@link #number}'s, not checked here. */
    public Duration minutes(String name) throws RequestRefused {
        JsonNode n = body.get(name);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < -MAX_MINUTES
                || n.asLong() > MAX_MINUTES) {
            throw RequestRefused.badRequest("'" + name + "' is required: a whole number of minutes");
        }
        return Duration.ofMinutes(n.asLong());
    }

    /** True when the body has the field, with a value other than null. */
    public boolean has(String name) {
        JsonNode n = body.get(name);
        return n != null && !n.isNull();
    }

    public boolean flag(String name) throws RequestRefused {
        JsonNode n = body.get(name);
        if (n == null || !n.isBoolean()) {
            throw RequestRefused.badRequest("'" + name + "' is required: true or false");
        }
        return n.asBoolean();
    }

    /** A nested object's fields, read as strictly as the body's: one not in {@code allowed} is refused. */
    public JsonFields object(String name, Set<String> allowed) throws RequestRefused {
        JsonNode n = body.get(name);
        if (!(n instanceof ObjectNode object)) {
            throw RequestRefused.badRequest("'" + name + "' is required: an object with " + allowed.stream().sorted()
                    .toList());
        }
        return of(object, allowed);
    }

    /** An object of strings, empty when the field is absent. */
    public ObjectNode textsOrEmpty(String name) throws RequestRefused {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return Json.MAPPER.createObjectNode();
        }
        if (!(n instanceof ObjectNode object)) {
            throw RequestRefused.badRequest("'" + name + "' must be an object of strings");
        }
        for (Iterator<JsonNode> values = object.elements(); values.hasNext(); ) {
            if (!values.next().isTextual()) {
                throw RequestRefused.badRequest("every value of '" + name + "' must be a string");
            }
        }
        return object;
    }
}
