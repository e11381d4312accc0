package io.containeredge.cloud.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The MQTT broker(s) and the Sparkplug B edge node; without this configuration nothing is published. */
@ObjectClassDefinition(id = CloudComponent.PID, name = "ContainerEdge cloud sync",
        description = "Sparkplug B edge node over MQTT with a persistent outbound queue")
public @interface CloudConfiguration {

    @AttributeDefinition(name = "Server URIs", description = "tcp://host:port or ssl://host:port, tried in order")
    String[] server_uris();

    @AttributeDefinition(name = "Client id", description = "MQTT client id; empty = the container id", required = false)
    String client_id() default "";

    @AttributeDefinition(name = "Username", required = false)
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD,
            required = false)
    String password() default "";

    @AttributeDefinition(name = "TLS trust store", description = "CA certificates (PEM, PKCS12 or JKS) the"
            + " broker's certificate must chain to; empty = the JVM's default CAs", required = false)
    String tls_trust_store() default "";

    @AttributeDefinition(name = "TLS trust store password", type = AttributeType.PASSWORD, required = false)
    String tls_trust_store_password() default "";

    @AttributeDefinition(name = "TLS client key store", description = "PKCS12 or JKS with the client certificate"
            + " and key, for brokers that require one; empty = none", required = false)
    String tls_key_store() default "";

    @AttributeDefinition(name = "TLS client key store password", type = AttributeType.PASSWORD, required = false)
    String tls_key_store_password() default "";

    @AttributeDefinition(name = "Command keys", description = "keyId=base64 secret (32 bytes or more):scopes per"
            + " operations-centre key, scopes being action names, config.* or * (e.g. ops=<secret>:curtail,ack-alarm);"
            + " commands and configuration requests must carry an HMAC by one of them and may only do what its"
            + " scopes allow (no scope list = every action, with a warning). None = remote commands are refused",
            type = AttributeType.PASSWORD, required = false)
    String[] command_keys() default {};

    @AttributeDefinition(name = "Keep-alive (s)", min = "5", max = "3600")
    int keep_alive_s() default 30;

    @AttributeDefinition(name = "Reconnect back-off cap (s)", min = "1", max = "3600")
    int reconnect_max_s() default 60;

    @AttributeDefinition(name = "Backlog drain rate (messages/s)",
            description = "How fast messages queued during an outage are sent after the reconnect; live data"
                    + " is not held back by it", min = "1")
    int drain_rate() default 200;

    @AttributeDefinition(name = "Queue capacity (MB)", min = "1")
    int queue_capacity_mb() default 256;

    @AttributeDefinition(name = "Data directory", description = "Holds outbound.db and the bdSeq file")
    String data_dir() default "containeredge-data";

    @AttributeDefinition(name = "Deadband", description = "Absolute change a numeric point needs to be sent again")
    double deadband() default 0.0;

    @AttributeDefinition(name = "Full refresh (s)", description = "Every metric sent again this often; 0 never",
            min = "0")
    int full_refresh_s() default 300;

    @AttributeDefinition(name = "Decision summary (s)", description = "A guard-decision record this often while"
            + " the decision stays the same (records go out at once when the binding guard, the thermal stage or"
            + " a reason's kind changes)", min = "10")
    int decision_summary_s() default 300;

    @AttributeDefinition(name = "Primary host id", description = "Sparkplug 3.0 primary host application whose STATE"
            + " (spBv1.0/STATE/<id>) the edge node follows: while it is not online nothing is published and the queue"
            + " keeps everything; empty = none, publish whenever a broker is connected", required = false)
    String primary_host_id() default "";

    @AttributeDefinition(name = "Sparkplug QoS", description = "QoS of births and data: 1 (default) removes a message"
            + " from the queue only after the broker's PUBACK; 0 (what Sparkplug specifies) once written to the"
            + " connection, unconfirmed. NDEATH and the JSON records always use 1", min = "0", max = "1")
    int sparkplug_qos() default 1;
}
