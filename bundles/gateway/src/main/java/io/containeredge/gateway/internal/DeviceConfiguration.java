package io.containeredge.gateway.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One Modbus device of the site; the device's details live in the site file. */
@ObjectClassDefinition(id = DeviceComponent.FACTORY_PID, name = "ContainerEdge Modbus device",
        description = "A device of the site configuration, polled into the process image")
public @interface DeviceConfiguration {

    @AttributeDefinition(name = "Device id", description = "The id of the device in the site file")
    String device_id();
}
