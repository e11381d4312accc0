package io.containeredge.gpio;

import io.containeredge.gpio.IoPins.Polarity;
import io.containeredge.gpio.IoPins.Pull;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Wiring of the gateway's inputs and beacon. The default wiring fails safe: each input is a normally
 * closed contact to ground with the pull-up on, so the pin is low in the normal state and goes high
 * when the contact opens (emergency stop pressed, door open, leak detector tripped) and equally when
 * the wire is cut.
 */
@ObjectClassDefinition(id = GatewayIoComponent.PID, name = "ContainerEdge gateway I/O",
        description = "Emergency stop, door and leak inputs and the alarm beacon on the gateway's GPIO (BCM numbers)")
public @interface GpioConfiguration {

    @AttributeDefinition(name = "Enabled", description = "Off: no GPIO is touched and every input reads as not good")
    boolean enabled() default true;

    @AttributeDefinition(name = "Emergency stop input (BCM)", min = "0", max = "27")
    int estop_pin() default 17;

    @AttributeDefinition(name = "Emergency stop polarity", description = "Pin level while pressed")
    Polarity estop_polarity() default Polarity.ACTIVE_HIGH;

    @AttributeDefinition(name = "Emergency stop pull resistor")
    Pull estop_pull() default Pull.UP;

    @AttributeDefinition(name = "Door input (BCM)", min = "0", max = "27")
    int door_pin() default 27;

    @AttributeDefinition(name = "Door polarity", description = "Pin level while the door is open")
    Polarity door_polarity() default Polarity.ACTIVE_HIGH;

    @AttributeDefinition(name = "Door pull resistor")
    Pull door_pull() default Pull.UP;

    @AttributeDefinition(name = "Leak input (BCM)", min = "0", max = "27")
    int leak_pin() default 22;

    @AttributeDefinition(name = "Leak polarity", description = "Pin level while a leak is detected")
    Polarity leak_polarity() default Polarity.ACTIVE_HIGH;

    @AttributeDefinition(name = "Leak pull resistor")
    Pull leak_pull() default Pull.UP;

    @AttributeDefinition(name = "Beacon output (BCM)", min = "0", max = "27")
    int beacon_pin() default 23;

    @AttributeDefinition(name = "Beacon polarity", description = "Pin level that lights the beacon")
    Polarity beacon_polarity() default Polarity.ACTIVE_HIGH;
}
