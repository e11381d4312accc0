package io.containeredge.site.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the site protocol's JSON messages (leases, reports) as they arrive from the network: duplicate keys, unknown
 * fields, missing fields and values of the wrong type are refused with a message naming the field, so a hostile or
 * broken message changes nothing and says why.
 */
public final class StrictJson {

    /** Site and container ids: what the site configuration allows in a topic level. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final int MAX_CHARS = 64 * 1024;

    private final String what;
    private final JsonNode node;

    private StrictJson(String what, JsonNode node) {
        this.what = what;
        this.node = node;
    }

    /** @param what the message's name in errors ("lease", "site report") */
    public static StrictJson parse(String what, String text, Set<String> fields) {
        if (text == null || text.length() > MAX_CHARS) {
            throw new IllegalArgumentException(what + ": " + (text == null ? "no body" : "longer than " + MAX_CHARS
                    + " characters"));
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        return of(what, node, fields);
    }

    /** A nested object, checked like a message. */
    public static StrictJson of(String what, JsonNode node, Set<String> fields) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + ": expected a JSON object");
        }
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(what + ": unknown field(s) " + unknown);
        }
        return new StrictJson(what, node);
    }

    public String what() {
        return what;
    }

    /** A field that must be there (null is not a value). */
    public JsonNode required(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(what + ": " + field + " is missing");
        }
        return v;
    }

    /** A field that may be absent or null. */
    public JsonNode optional(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    public String id(String field) {
        JsonNode v = required(field);
        if (!v.isTextual() || !ID.matcher(v.asText()).matches()) {
            throw new IllegalArgumentException(what + ": " + field + " must be 1..64 characters [A-Za-z0-9._-]");
        }
        return v.asText();
    }

    public String text(String field) {
        JsonNode v = required(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(what + ": " + field + " must be a string");
        }
        return v.asText();
    }

    public long integer(String field) {
        JsonNode v = required(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(what + ": " + field + " must be an integer");
        }
        return v.asLong();
    }

    public double number(String field) {
        return number(field, required(field));
    }

    /** NaN when the field is absent or null. */
    public double numberOrNaN(String field) {
        JsonNode v = optional(field);
        return v == null ? Double.NaN : number(field, v);
    }

    public boolean bool(String field) {
        JsonNode v = required(field);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(what + ": " + field + " must be true or false");
        }
        return v.asBoolean();
    }

    private double number(String field, JsonNode v) {
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException(what + ": " + field + " must be a finite number");
        }
        return v.asDouble();
    }

    /** A new object to write a message into. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The compact JSON text of {@code node}. */
    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }
}
