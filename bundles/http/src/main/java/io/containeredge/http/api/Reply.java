package io.containeredge.http.api;

import java.util.List;

/** What an endpoint answers: a status and a body that Jackson writes as JSON. */
public record Reply(int status, Object body) {

    public static Reply ok(Object body) {
        return new Reply(200, body);
    }

    public static Reply error(int status, String message) {
        return new Reply(status, JsonAnswers.errorBody(message));
    }

    /** An error with details, e.g. every configuration error. */
    public static Reply error(int status, String message, String field, List<?> details) {
        return new Reply(status, JsonAnswers.errorBody(message).putPOJO(field, details));
    }
}
