package io.containeredge.control.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the control loop talks to the miners; thresholds and tuning come from the site file. */
@ObjectClassDefinition(id = ControlComponent.PID, name = "ContainerEdge control",
        description = "Local limit enforcement: thermal and power guards, miner curtailment")
public @interface ControlConfiguration {

    @AttributeDefinition(name = "Miner status poll (ms)", min = "250", max = "60000")
    int miner_poll_ms() default 2000;

    @AttributeDefinition(name = "Miner command timeout (ms)", min = "100", max = "30000")
    int miner_timeout_ms() default 2000;

    @AttributeDefinition(name = "Data directory", description = "Where the alarm journal and the maintenance windows are kept")
    String data_dir() default "containeredge-data";

    @AttributeDefinition(name = "Enabled", description = "Off only for commissioning: nothing is then curtailed")
    boolean enabled() default true;
}
