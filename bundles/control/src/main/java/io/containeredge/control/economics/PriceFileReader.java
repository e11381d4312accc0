package io.containeredge.control.economics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.api.PriceSlot;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the local price file, written in the form of a {@code price.update} request's params:
 * {@code {"slots": [{"start": epoch ms or ISO-8601 with offset, "minutes": 5 or 15, "usdPerMwh": 42.5}, ...]}}.
 * Read strictly, since a program writes it: an unknown field or a wrong type is refused, never skipped. What the
 * values must be (lengths, contiguity, ranges) is checked after, on the one path of every price feed
 * ({@code ControlService.updatePrices}).
 */
final class PriceFileReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SLOT_FIELDS = Set.of("start", "minutes", "usdPerMwh");

    private PriceFileReader() {
    }

    /** @throws IllegalArgumentException naming what is wrong and where */
    static List<PriceSlot> read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || root.size() != 1 || !root.path("slots").isArray()) {
            throw new IllegalArgumentException("must be one object {\"slots\": [{start, minutes, usdPerMwh}, ...]}");
        }
        List<PriceSlot> slots = new ArrayList<>();
        JsonNode list = root.get("slots");
        for (int i = 0; i < list.size(); i++) {
            slots.add(slot(list.get(i), "slots[" + i + "]"));
        }
        return slots;
    }

    private static PriceSlot slot(JsonNode s, String where) {
        if (!s.isObject()) {
            throw new IllegalArgumentException(where + " must be an object {start, minutes, usdPerMwh}");
        }
        for (Iterator<String> names = s.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!SLOT_FIELDS.contains(name)) {
                throw new IllegalArgumentException(where + " has an unknown field (its fields: minutes, start,"
                        + " usdPerMwh)");
            }
        }
        JsonNode minutes = s.path("minutes");
        if (!minutes.isIntegralNumber() || !minutes.canConvertToInt()) {
            throw new IllegalArgumentException(where + ".minutes must be an integer");
        }
        JsonNode price = s.path("usdPerMwh");
        if (!price.isNumber()) {
            throw new IllegalArgumentException(where + ".usdPerMwh must be a number");
        }
        return new PriceSlot(start(s.path("start"), where + ".start"), minutes.intValue(), price.doubleValue());
    }

    private static long start(JsonNode t, String where) {
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
        throw new IllegalArgumentException(where + " must be epoch milliseconds or an ISO-8601 time with an offset,"
                + " e.g. 2026-12-06T08:00:00Z");
    }
}
