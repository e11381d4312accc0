package io.containeredge.cloud.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Typed access to a request's params; a missing or mistyped one is a {@link Refusal} naming it. */
final class Params {

    private final String requestId;
    private final ObjectNode params;

    Params(RemoteRequest request) {
        this.requestId = request.id();
        this.params = request.params();
    }

    boolean has(String name) {
        JsonNode v = params.get(name);
        return v != null && !v.isNull();
    }

    JsonNode node(String name) throws Refusal {
        if (!has(name)) {
            throw refusal(name, "is missing");
        }
        return params.get(name);
    }

    String text(String name) throws Refusal {
        JsonNode v = node(name);
        if (!v.isTextual() || v.textValue().isEmpty()) {
            throw refusal(name, "must be a non-empty string");
        }
        return v.textValue();
    }

    double number(String name) throws Refusal {
        JsonNode v = node(name);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw refusal(name, "must be a number");
        }
        return v.doubleValue();
    }

    boolean flag(String name) throws Refusal {
        JsonNode v = node(name);
        if (!v.isBoolean()) {
            throw refusal(name, "must be true or false");
        }
        return v.booleanValue();
    }

    long integer(String name) throws Refusal {
        JsonNode v = node(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw refusal(name, "must be an integer");
        }
        return v.longValue();
    }

    /** A value to write to a device point: a number, a boolean or an enum label. */
    static Object writable(String requestId, String name, JsonNode v) throws Refusal {
        if (v != null && v.isNumber()) {
            return v.numberValue();
        }
        if (v != null && (v.isBoolean() || v.isTextual())) {
            return v.isBoolean() ? v.booleanValue() : v.textValue();
        }
        throw new Refusal(requestId, "params." + name + " must be a number, a boolean or an enum label");
    }

    Refusal refusal(String name, String what) {
        return new Refusal(requestId, "params." + name + " " + what);
    }
}
