package io.containeredge.cloud.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
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

    @AttributeDefinition(name = "Password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            required = false)
    String password() default "";

    @AttributeDefinition(name = "Drain rate (messages/s)", description = "Must exceed the live message rate",
            min = "1")
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
}
