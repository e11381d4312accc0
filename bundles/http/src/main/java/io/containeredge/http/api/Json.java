package io.containeredge.http.api;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON mapper of every endpoint (API and console), with Jackson's defaults: it is thread-safe, and costly to build per use. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
