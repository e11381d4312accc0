package io.containeredge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** "No limit" is infinite and "no reading" NaN inside the controller; both are null on the wire. */
final class FiniteJson {

    private FiniteJson() {
    }

    /** {@code node} with every infinite or NaN number, however deep, replaced by null. */
    static JsonNode of(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                JsonNode child = object.get(name);
                if (child.isDouble() && !Double.isFinite(child.asDouble())) {
                    object.putNull(name);
                } else {
                    of(child);
                }
            });
        } else if (node.isArray()) {
            node.forEach(FiniteJson::of);
        }
        return node;
    }
}
