package io.containeredge.console.web;

import io.containeredge.console.endpoint.JsonAnswers;
import java.util.List;

/** What an endpoint answers: a status and a body that Jackson writes as JSON. */
record Reply(int status, Object body) {

    static Reply ok(Object body) {
        return new Reply(200, body);
    }

    static Reply error(int status, String message) {
        return new Reply(status, JsonAnswers.errorBody(message));
    }

    /** An error with details, e.g. every configuration error. */
    static Reply error(int status, String message, String field, List<?> details) {
        return new Reply(status, JsonAnswers.errorBody(message).putPOJO(field, details));
    }
}
