package io.containeredge.cloud.remote;

import io.containeredge.cloud.sparkplug.MessageType;
import io.containeredge.cloud.sparkplug.SparkplugTopics;
import java.util.List;

/**
 * Where requests arrive and replies go, for one edge node (group = site id, edge node = container id):
 * {@code containeredge/<site>/<container>/command}, {@code .../config}, Sparkplug DCMD
 * {@code spBv1.0/<site>/DCMD/<container>/<device>}; every reply on {@code .../reply}.
 */
final class RemoteTopics {

    /** Which door a message came in by. */
    enum Kind {
        COMMAND,
        CONFIG,
        DCMD
    }

    /** @param device the DCMD's device, null otherwise */
    record Route(Kind kind, String device) {
    }

    private final SparkplugTopics sparkplug;
    private final String base;

    RemoteTopics(SparkplugTopics sparkplug) {
        this.sparkplug = sparkplug;
        this.base = "containeredge/" + sparkplug.group() + "/" + sparkplug.edgeNode() + "/";
    }

    String command() {
        return base + "command";
    }

    String config() {
        return base + "config";
    }

    String reply() {
        return base + "reply";
    }

    List<String> subscriptions() {
        return List.of(command(), config(), sparkplug.commandSubscriptions().get(1));
    }

    /** The route of a topic, or null when no request arrives there (NCMD stays with the session). */
    Route route(String topic) {
        if (command().equals(topic)) {
            return new Route(Kind.COMMAND, null);
        }
        if (config().equals(topic)) {
            return new Route(Kind.CONFIG, null);
        }
        try {
            SparkplugTopics.Command c = sparkplug.parseCommand(topic);
            return c.type() == MessageType.DCMD ? new Route(Kind.DCMD, c.device()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
