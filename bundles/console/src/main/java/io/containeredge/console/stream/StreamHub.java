package io.containeredge.console.stream;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live stream's fan-out: at most {@code maxClients} browsers, each with its own bounded queue, so
 * one that stops reading is dropped and never delays the others or the publisher. A client that joins
 * gets the latest frame at once, so a page shows data without waiting for the next tick.
 */
public final class StreamHub {

    private final int maxClients;
    private final int queueCapacity;
    private final List<StreamClient> clients = new CopyOnWriteArrayList<>();
    private volatile String latest;

    /**
     * @param queueCapacity frames a client may fall behind before it is dropped; at one frame a second
     *     this is also how many seconds a stalled client is kept
     */
    public StreamHub(int maxClients, int queueCapacity) {
        this.maxClients = maxClients;
        this.queueCapacity = queueCapacity;
    }

    /** A new client, or empty when {@code maxClients} are connected already. */
    public synchronized Optional<StreamClient> join() {
        if (clients.size() >= maxClients) {
            return Optional.empty();
        }
        StreamClient client = new StreamClient(queueCapacity);
        String first = latest;
        if (first != null) {
            client.offer(first);
        }
        clients.add(client);
        return Optional.of(client);
    }

    public void leave(StreamClient client) {
        client.drop();
        clients.remove(client);
    }

    /** Sends an event to every client; drops those too far behind. Never blocks. */
    public void publish(String event, String json) {
        String frame = frame(event, json);
        latest = frame;
        for (StreamClient c : clients) {
            if (!c.offer(frame)) {
                clients.remove(c);
            }
        }
    }

    public int clients() {
        return clients.size();
    }

    /** Drops every client, e.g. when the console stops. */
    public void close() {
        clients.forEach(this::leave);
    }

    /** One server-sent-events frame; the JSON is on one line, so it needs one {@code data:} field. */
    static String frame(String event, String json) {
        if (event.indexOf('\n') >= 0 || json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an event name and its JSON must be single lines");
        }
        return "event: " + event + "\ndata: " + json + "\n\n";
    }
}
