package io.containeredge.console.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The console's one JSON mapper, with Jackson's defaults: it is thread-safe, and costly to build per use. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
