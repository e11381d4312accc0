package io.containeredge.gpio;

import com.pi4j.context.Context;
import io.containeredge.gpio.IoPins.Input;
import io.containeredge.gpio.IoPins.Output;
import io.containeredge.gpio.api.GatewayIo;
import io.containeredge.gpio.api.IoInputs;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link GatewayIo} service. Runs without a configuration (the defaults) and on any machine: where
 * there is no GPIO, or it is disabled, the service is registered anyway, says why it is unavailable,
 * and reads every input as not good. An invalid pin configuration, or GPIO that fails to set up, is
 * reported as failed (the controller then counts the emergency stop as pressed). A new configuration
 * re-creates it.
 */
@Component(service = GatewayIo.class, configurationPid = GatewayIoComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = GpioConfiguration.class)
public class GatewayIoComponent implements GatewayIo {

    public static final String PID = "io.containeredge.gpio";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayIoComponent.class);

    private final GatewayIo io;

    @Activate
    public GatewayIoComponent(GpioConfiguration config) {
        this(config, Pi4jGatewayIo::gpiodContext);
    }

    GatewayIoComponent(GpioConfiguration config, Supplier<Context> platform) {
        io = open(config, platform);
        if (io.failed()) {
            LOG.error("gateway I/O {}: the emergency stop counts as pressed", io.status());
        } else {
            LOG.info("gateway I/O {}", io.status());
        }
    }

    private static GatewayIo open(GpioConfiguration c, Supplier<Context> platform) {
        if (!c.enabled()) {
            return new UnavailableGatewayIo("disabled by configuration");
        }
        IoPins pins;
        try {
            pins = new IoPins(new Input(c.estop_pin(), c.estop_polarity(), c.estop_pull()),
                    new Input(c.door_pin(), c.door_polarity(), c.door_pull()),
                    new Input(c.leak_pin(), c.leak_polarity(), c.leak_pull()),
                    new Output(c.beacon_pin(), c.beacon_polarity()));
        } catch (IllegalArgumentException e) {
            return UnavailableGatewayIo.failed("invalid configuration: " + e.getMessage());
        }
        return Pi4jGatewayIo.open(pins, platform);
    }

    @Deactivate
    void deactivate() {
        if (io instanceof Pi4jGatewayIo pi4j) {
            pi4j.close();
        }
    }

    @Override
    public boolean available() {
        return io.available();
    }

    @Override
    public boolean failed() {
        return io.failed();
    }

    @Override
    public String status() {
        return io.status();
    }

    @Override
    public IoInputs read() {
        return io.read();
    }

    @Override
    public void beacon(boolean on) {
        io.beacon(on);
    }
}
