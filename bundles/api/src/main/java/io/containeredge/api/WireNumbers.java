package io.containeredge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** "No limit" is infinite and "no reading" NaN inside the controller; both are null on the wire. */
final class WireNumbers {

    private WireNumbers() {
    }

    /** {@code node} with every non-finite number replaced by null, in place. */
    static JsonNode withoutInfinities(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                JsonNode child = object.get(name);
                if (child.isDouble() && !Double.isFinite(child.asDouble())) {
                    object.putNull(name);
                } else {
                    withoutInfinities(child);
                }
            });
        } else if (node.isArray()) {
            node.forEach(WireNumbers::withoutInfinities);
        }
        return node;
    }
}
