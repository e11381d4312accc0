package io.containeredge.control.slots;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The strict reading shared by the local slot files a site's own programs write (prices, generation forecasts):
 * one object {@code {"slots": [...]}}, each slot an object with known fields only, a start as epoch milliseconds or
 * an ISO-8601 time with an offset. An unknown field or a wrong type is refused with where it is, never skipped. What
 * the values must be (lengths, contiguity, ranges) is checked after, on the one path of each feed.
 */
public final class SlotFileJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlotFileJson() {
    }

    /**
     * The slots of a file, each checked to have only {@code fields} and read by {@code slot} (given the slot object
     * and where it is, "slots[3]").
     *
     * @param form the slot's fields as people write them, for the messages ("start, minutes, usdPerMwh")
     * @throws IllegalArgumentException naming what is wrong and where
     */
    public static <T> List<T> read(String text, Set<String> fields, String form,
            BiFunction<JsonNode, String, T> slot) {
        List<JsonNode> nodes = slots(text, fields, form);
        List<T> read = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            read.add(slot.apply(nodes.get(i), "slots[" + i + "]"));
        }
        return read;
    }

    private static List<JsonNode> slots(String text, Set<String> fields, String form) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || root.size() != 1 || !root.path("slots").isArray()) {
            throw new IllegalArgumentException("must be one object {\"slots\": [{" + form + "}, ...]}");
        }
        List<JsonNode> slots = new ArrayList<>();
        JsonNode list = root.get("slots");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String where = "slots[" + i + "]";
            if (!s.isObject()) {
                throw new IllegalArgumentException(where + " must be an object {" + form + "}");
            }
            for (Iterator<String> names = s.fieldNames(); names.hasNext();) {
                if (!fields.contains(names.next())) {
                    throw new IllegalArgumentException(where + " has an unknown field (its fields: "
                            + String.join(", ", new TreeSet<>(fields)) + ")");
                }
            }
            slots.add(s);
        }
        return slots;
    }

    public static int integer(JsonNode slot, String field, String where) {
        JsonNode n = slot.path(field);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IllegalArgumentException(where + "." + field + " must be an integer");
        }
        return n.intValue();
    }

    public static double number(JsonNode slot, String field, String where) {
        JsonNode n = slot.path(field);
        if (!n.isNumber()) {
            throw new IllegalArgumentException(where + "." + field + " must be a number");
        }
        return n.doubleValue();
    }

    /** The slot's {@code start} as epoch milliseconds. */
    public static long start(JsonNode slot, String where) {
        JsonNode t = slot.path("start");
        if (t.isIntegralNumber() && t.canConvertToLong()) {
            return t.longValue();
        }
        if (t.isTextual()) {
            try {
                return OffsetDateTime.parse(t.textValue()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                // refused below with the form it must have
            }
        }
        throw new IllegalArgumentException(where + ".start must be epoch milliseconds or an ISO-8601 time with an"
                + " offset, e.g. 2026-12-06T08:00:00Z");
    }
}
