package io.containeredge.console.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.http.api.JsonBodyReader;
import io.containeredge.http.api.JsonBodyReader.EmptyBody;
import io.containeredge.http.api.JsonBodyReader.ParseErrors;

/** The bodies of the login, setup and user endpoints: names, roles, passwords and the setup token. */
final class AccountRequests {

    /**
     * Names and passwords fit in far less than the limit; a bigger body is refused before it is parsed.
     * A parse error is never quoted back: the body may hold a password.
     */
    static final JsonBodyReader BODY = new JsonBodyReader(8 * 1024, EmptyBody.REFUSED, ParseErrors.HIDDEN);

    private AccountRequests() {
    }

    /** A text field of the body, or null when absent or not text. */
    static String text(ObjectNode body, String field) {
        JsonNode n = body.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
