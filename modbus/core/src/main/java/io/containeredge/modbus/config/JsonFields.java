package io.containeredge.modbus.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Field shapes shared by the profile and SunSpec model documents, already checked by their schemas. */
public final class JsonFields {

    private JsonFields() {
    }

    /** Raw register values given as integers or as {@code "0x8000"} strings. */
    public static Set<Long> rawValues(JsonNode list) {
        Set<Long> raws = new HashSet<>();
        for (JsonNode v : list) {
            raws.add(v.isTextual() ? Long.parseUnsignedLong(v.asText().substring(2), 16) : v.asLong());
        }
        return raws;
    }

    /** A map of number to label, e.g. enum values or bitfield flags. */
    public static Map<Integer, String> labels(JsonNode node) {
        Map<Integer, String> labels = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> labels.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
        return labels;
    }
}
