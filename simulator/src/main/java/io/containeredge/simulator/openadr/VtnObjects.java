package io.containeredge.simulator.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * What the VTN holds: programs, events, vens and reports, each with the id, object type and creation and
 * modification times the VTN provisions.
 */
final class VtnObjects {

    /** The OpenADR 3 API's largest page. */
    static final int MAX_LIMIT = 50;

    private final LongSupplier clock;
    private final Map<String, ObjectNode> programs = new LinkedHashMap<>();
    private final Map<String, ObjectNode> events = new LinkedHashMap<>();
    private final Map<String, ObjectNode> vens = new LinkedHashMap<>();
    private final List<ObjectNode> reports = new ArrayList<>();
    private int next;

    VtnObjects(LongSupplier clock) {
        this.clock = clock;
    }

    enum Kind {
        PROGRAM, EVENT, VEN, REPORT
    }

    /** Adds the object with a new id (a given one is replaced), stamped now; returns the id. */
    synchronized String add(Kind kind, ObjectNode o) {
        String id = kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + ++next;
        o.put("id", id);
        String now = Instant.ofEpochMilli(clock.getAsLong()).toString();
        o.put("createdDateTime", now);
        o.put("modificationDateTime", now);
        o.put("objectType", kind.name());
        if (kind == Kind.REPORT) {
            reports.add(o);
        } else {
            map(kind).put(id, o);
        }
        return id;
    }

    /** Replaces an event's content (its id and creation time stay), stamped modified now. */
    synchronized boolean update(Kind kind, String id, ObjectNode o) {
        ObjectNode old = map(kind).get(id);
        if (old == null) {
            return false;
        }
        o.put("id", id);
        o.set("createdDateTime", old.get("createdDateTime"));
        o.put("modificationDateTime", Instant.ofEpochMilli(clock.getAsLong()).toString());
        o.put("objectType", kind.name());
        map(kind).put(id, o);
        return true;
    }

    synchronized boolean remove(Kind kind, String id) {
        return map(kind).remove(id) != null;
    }

    /** One page of the objects that match, oldest first, as deep copies. */
    synchronized List<JsonNode> page(Kind kind, Predicate<JsonNode> filter, int skip, int limit) {
        List<ObjectNode> all = kind == Kind.REPORT ? reports : new ArrayList<>(map(kind).values());
        return all.stream().filter(filter).skip(skip).limit(limit).map(o -> (JsonNode) o.deepCopy()).toList();
    }

    synchronized List<JsonNode> all(Kind kind) {
        return page(kind, o -> true, 0, Integer.MAX_VALUE);
    }

    private Map<String, ObjectNode> map(Kind kind) {
        return switch (kind) {
            case PROGRAM -> programs;
            case EVENT -> events;
            case VEN -> vens;
            case REPORT -> throw new IllegalArgumentException("reports are only added and listed");
        };
    }
}
