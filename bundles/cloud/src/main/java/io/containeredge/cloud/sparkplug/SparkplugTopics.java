package io.containeredge.cloud.sparkplug;

import io.containeredge.site.api.SiteConfig;
import java.util.List;

/**
 * Sparkplug B topic names of one edge node: {@code spBv1.0/<group>/<type>/<edge node>[/<device>]}.
 * The group is the site id and the edge node the container id, so a SCADA host shows
 * site → container → device without any mapping table.
 */
public final class SparkplugTopics {

    public static final String NAMESPACE = "spBv1.0";

    /** A command addressed to this edge node; {@code device} is null for NCMD. */
    public record Command(MessageType type, String device) {
    }

    private final String group;
    private final String edgeNode;

    public SparkplugTopics(String group, String edgeNode) {
        this.group = requireToken("group id", group);
        this.edgeNode = requireToken("edge node id", edgeNode);
    }

    public static SparkplugTopics of(SiteConfig site) {
        return new SparkplugTopics(site.site(), site.container());
    }

    public String group() {
        return group;
    }

    public String edgeNode() {
        return edgeNode;
    }

    /** Topic of NBIRTH, NDEATH, NDATA or NCMD. */
    public String node(MessageType type) {
        if (type.isDeviceLevel()) {
            throw new IllegalArgumentException(type + " is a device message: use device(type, id)");
        }
        return NAMESPACE + "/" + group + "/" + type + "/" + edgeNode;
    }

    /** Topic of DBIRTH, DDEATH, DDATA or DCMD for one device. */
    public String device(MessageType type, String device) {
        if (!type.isDeviceLevel()) {
            throw new IllegalArgumentException(type + " is a node message: use node(type)");
        }
        return NAMESPACE + "/" + group + "/" + type + "/" + edgeNode + "/" + requireToken("device id", device);
    }

    /** The two filters the edge node subscribes to: its NCMD and the DCMD of all its devices. */
    public List<String> commandSubscriptions() {
        return List.of(node(MessageType.NCMD), NAMESPACE + "/" + group + "/DCMD/" + edgeNode + "/+");
    }

    /**
     * Parses a topic a command arrived on.
     *
     * @throws IllegalArgumentException saying why, when it is not an NCMD or DCMD for this edge node
     */
    public Command parseCommand(String topic) {
        if (topic == null) {
            throw new IllegalArgumentException("no topic");
        }
        String[] t = topic.split("/", -1);
        if (t.length < 4 || !NAMESPACE.equals(t[0])) {
            throw new IllegalArgumentException("'" + topic + "' is not a Sparkplug B topic (" + NAMESPACE
                    + "/<group>/<type>/<edge node>[/<device>])");
        }
        MessageType type = parseType(t[2], topic);
        if (type != MessageType.NCMD && type != MessageType.DCMD) {
            throw new IllegalArgumentException("'" + topic + "': " + t[2] + " is not a command (NCMD or DCMD)");
        }
        if (!group.equals(t[1]) || !edgeNode.equals(t[3])) {
            throw new IllegalArgumentException("'" + topic + "' is addressed to " + t[1] + "/" + t[3]
                    + ", this edge node is " + group + "/" + edgeNode);
        }
        int expected = type == MessageType.NCMD ? 4 : 5;
        if (t.length != expected) {
            throw new IllegalArgumentException("'" + topic + "': " + type + " needs " + expected
                    + " topic levels, got " + t.length);
        }
        if (type == MessageType.NCMD) {
            return new Command(type, null);
        }
        if (t[4].isEmpty()) {
            throw new IllegalArgumentException("'" + topic + "': DCMD without a device id");
        }
        return new Command(type, t[4]);
    }

    private static MessageType parseType(String token, String topic) {
        for (MessageType type : MessageType.values()) {
            if (type.name().equals(token)) {
                return type;
            }
        }
        throw new IllegalArgumentException("'" + topic + "': unknown Sparkplug message type '" + token + "'");
    }

    // The spec forbids the MQTT separators and wildcards in ids; an empty id would shift the levels.
    private static String requireToken(String what, String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (id.indexOf('/') >= 0 || id.indexOf('+') >= 0 || id.indexOf('#') >= 0) {
            throw new IllegalArgumentException(what + " '" + id + "' contains '/', '+' or '#'");
        }
        return id;
    }
}
