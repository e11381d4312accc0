package io.containeredge.cloud.api;

/**
 * The state of the link to the operations centre, for the console and the API: registered while the
 * cloud component runs (that is, when a broker is configured).
 */
public interface CloudLink {

    /**
     * @param connected  true while connected to a broker
     * @param server     the broker's URI while connected, else null
     * @param backlog    messages queued and not yet acknowledged
     * @param thinned    telemetry messages given up to the disk cap since the queue was created
     * @param published  messages acknowledged since the gateway started
     */
    record Status(boolean connected, String server, long backlog, long thinned, long published) {
    }

    Status status();
}
