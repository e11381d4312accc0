package io.containeredge.console.web;

import io.containeredge.console.endpoint.JsonBodyReader;
import io.containeredge.console.endpoint.JsonBodyReader.EmptyBody;
import io.containeredge.console.endpoint.JsonBodyReader.ParseErrors;

/**
 * How the action and configuration endpoints read their bodies: an empty body is an empty object
 * ("resume" needs no parameters), and a parse error is quoted back, as these bodies hold no secret.
 */
final class RequestBodies {

    /** Enough for any action's parameters. */
    static final JsonBodyReader ACTION = new JsonBodyReader(64 * 1024, EmptyBody.EMPTY_OBJECT, ParseErrors.QUOTED);
    /** A site document and its profiles; the validator takes up to 1 MiB per document. */
    static final JsonBodyReader CONFIGURATION = new JsonBodyReader(2 * 1024 * 1024, EmptyBody.EMPTY_OBJECT,
            ParseErrors.QUOTED);

    private RequestBodies() {
    }
}
