package io.containeredge.console.web;

import io.containeredge.http.api.JsonBodyReader;
import io.containeredge.http.api.JsonBodyReader.EmptyBody;
import io.containeredge.http.api.JsonBodyReader.ParseErrors;

/**
 * How the action and configuration endpoints read their bodies: an empty body is an empty object
 * (an action that needs no parameters), and a parse error is quoted back, as these bodies hold no secret.
 */
final class RequestBodies {

    /** Enough for any action's parameters: the same reader as the API's actions. */
    static final JsonBodyReader ACTION = JsonBodyReader.ACTION;
    /** A site document and its profiles; the validator takes up to 1 MiB per document. */
    static final JsonBodyReader CONFIGURATION = new JsonBodyReader(2 * 1024 * 1024, EmptyBody.EMPTY_OBJECT,
            ParseErrors.QUOTED);

    private RequestBodies() {
    }
}
