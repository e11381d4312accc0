package io.containeredge.cloud.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of the time-slot lists a feed sends (energy prices, generation forecasts): a feed is a program, so
 * an unknown field or a wrong type is refused naming it, never skipped. What the values must be is the controller's
 * to check, once for every path.
 */
final class SlotParams {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SlotParams() {
    }

    /** Reads one slot object; {@code where} names it in a refusal ({@code params.slots[3]}). */
    @FunctionalInterface
    interface SlotReader<T> {
        T read(ObjectNode slot, String where) throws Refusal;
    }

    /**
     * {@code params.slots}, a non-empty array of objects with only {@code fields}, each read by {@code reader}.
     *
     * @param shape the slot as the refusal describes it, e.g. {@code {start, minutes, usdPerMwh}}
     */
    static <T> List<T> slots(RemoteRequest r, Params p, Set<String> fields, String shape, SlotReader<T> reader)
            throws Refusal {
        onlyFields(r, r.params(), "params", Set.of("slots"));
        JsonNode list = p.node("slots");
        if (!list.isArray() || list.isEmpty()) {
            throw p.refusal("slots", "must be a non-empty array of " + shape);
        }
        List<T> slots = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "params.slots[" + i + "]";
            if (!list.get(i).isObject()) {
                throw new Refusal(r.id(), where + " must be an object " + shape);
            }
            ObjectNode slot = (ObjectNode) list.get(i);
            onlyFields(r, slot, where, fields);
            slots.add(reader.read(slot, where));
        }
        return slots;
    }

    /** The result of a slot list taken: how many, from the first one's start until the last one's end. */
    static ObjectNode span(int count, long fromMillis, long untilMillis) {
        return NODES.objectNode().put("slots", count).put("from", fromMillis).put("until", untilMillis);
    }

    static int minutes(RemoteRequest r, JsonNode slot, String where) throws Refusal {
        JsonNode minutes = slot.get("minutes");
        if (minutes == null || !minutes.isIntegralNumber() || !minutes.canConvertToInt()) {
            throw new Refusal(r.id(), where + ".minutes must be an integer");
        }
        return minutes.intValue();
    }

    static double number(RemoteRequest r, JsonNode slot, String field, String where) throws Refusal {
        JsonNode v = slot.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new Refusal(r.id(), where + "." + field + " must be a number");
        }
        return v.doubleValue();
    }

    /** Epoch milliseconds, or an ISO-8601 time with its offset ({@code 2026-12-06T08:00:00Z}). */
    static long time(RemoteRequest r, JsonNode t, String where) throws Refusal {
        if (t != null && t.isIntegralNumber() && t.canConvertToLong()) {
            return t.longValue();
        }
        if (t != null && t.isTextual()) {
            try {
                return OffsetDateTime.parse(t.textValue()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                // refused below with the form it must have
            }
        }
        throw new Refusal(r.id(), where + " must be epoch milliseconds or an ISO-8601 time with an offset,"
                + " e.g. 2026-12-06T08:00:00Z");
    }

    static void onlyFields(RemoteRequest r, ObjectNode o, String where, Set<String> fields) throws Refusal {
        for (Iterator<String> names = o.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new Refusal(r.id(), where + "." + RemoteRequests.printable(name) + " is not a field of "
                        + r.action() + " (its fields: " + String.join(", ", new TreeSet<>(fields)) + ")");
            }
        }
    }
}
