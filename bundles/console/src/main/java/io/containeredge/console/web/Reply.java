package io.containeredge.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an endpoint answers: a status and a body that Jackson writes as JSON. */
record Reply(int status, Object body) {

    static Reply ok(Object body) {
        return new Reply(200, body);
    }

    static Reply error(int status, String message) {
        return new Reply(status, Map.of("error", message));
    }

    /** An error with details, e.g. every configuration error. */
    static Reply error(int status, String message, String field, List<?> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put(field, details);
        return new Reply(status, body);
    }
}
