package io.containeredge.cloud.sparkplug;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** The gateway's own status values published as node metrics (NBIRTH, then NDATA on change). */
final class NodeStatus {

    /** Sorted so the NBIRTH lists, and so aliases, come out in a deterministic order. */
    private final SortedMap<String, Object> values = new TreeMap<>();

    SortedMap<String, Object> values() {
        return Collections.unmodifiableSortedMap(values);
    }

    /** Another set of names or another type needs a new NBIRTH: NDATA can only carry born metrics. */
    boolean reshapes(Map<String, Object> next) {
        validate(next);
        return !values.keySet().equals(next.keySet()) || next.entrySet().stream().anyMatch(
                e -> MetricCatalog.nodeType(e.getValue()) != MetricCatalog.nodeType(values.get(e.getKey())));
    }

    void replace(Map<String, Object> next) {
        validate(next);
        values.clear();
        values.putAll(next);
    }

    /** Records the new values and returns those that differ from before, sorted by name. */
    SortedMap<String, Object> changes(Map<String, Object> next) {
        SortedMap<String, Object> changed = new TreeMap<>();
        next.forEach((name, value) -> {
            if (!Objects.equals(values.put(name, value), value)) {
                changed.put(name, value);
            }
        });
        return changed;
    }

    private static void validate(Map<String, Object> next) {
        next.forEach((name, value) -> {
            if (EdgeNodeSession.BD_SEQ.equals(name) || EdgeNodeSession.REBIRTH.equals(name)) {
                throw new IllegalArgumentException("node metric '" + name + "' is reserved by Sparkplug");
            }
            if (value == null) {
                throw new IllegalArgumentException("node metric '" + name + "' has no value");
            }
            MetricCatalog.nodeType(value);
        });
    }
}
