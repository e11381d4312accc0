package io.containeredge.console.stream;

import java.io.IOException;

/** Where one client's events go: the HTTP response, written and flushed by the client's own thread. */
@FunctionalInterface
public interface EventSink {

    /** Writes one complete server-sent-events frame and flushes it; may block while the client is slow. */
    void send(String frame) throws IOException;
}
