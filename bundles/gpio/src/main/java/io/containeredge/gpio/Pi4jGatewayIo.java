package io.containeredge.gpio;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import io.containeredge.gpio.IoPins.Polarity;
import io.containeredge.gpio.api.DigitalReading;
import io.containeredge.gpio.api.GatewayIo;
import io.containeredge.gpio.api.IoInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's inputs and beacon on Pi4J 2. {@link #open} decides availability by doing it: build
 * the context, create every pin; whatever fails on the way (no board, no gpiochip, no native library,
 * a pin in use) yields an {@link UnavailableGatewayIo} saying why, never an exception.
 */
public final class Pi4jGatewayIo implements GatewayIo, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pi4jGatewayIo.class);
    private static final Path DEVICE_TREE_MODEL = Path.of("/proc/device-tree/model");

    private final Context context;
    private final IoPins pins;
    private final DigitalInput estop;
    private final DigitalInput door;
    private final DigitalInput leak;
    private final DigitalOutput beacon;
    /** Pins whose last read or write failed: logged once per run of failures, not every control cycle. */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    private Pi4jGatewayIo(Context context, IoPins pins) {
        this.context = context;
        this.pins = pins;
        this.estop = input(context, "estop", pins.estop());
        this.door = input(context, "door", pins.door());
        this.leak = input(context, "leak", pins.leak());
        DigitalState off = level(false, pins.beacon().polarity());
        this.beacon = context.create(DigitalOutput.newConfigBuilder(context).id("beacon").name("alarm beacon")
                .address(pins.beacon().bcm()).initial(off).shutdown(off));
    }

    /**
     * @param platform builds the Pi4J context with its platform and providers; may throw, with
     *     {@link NoGpioPlatform} on a machine without GPIO
     * @return the I/O on that context, or an unavailable one saying why not: without GPIO on this
     *     machine, none to use; on a machine with GPIO that fails (no gpiochip access, a native
     *     library that does not load, a pin in use), failed
     */
    public static GatewayIo open(IoPins pins, Supplier<Context> platform) {
        Context context = null;
        try {
            context = platform.get();
            return new Pi4jGatewayIo(context, pins);
        } catch (NoGpioPlatform e) {
            LOG.debug("gateway I/O unavailable", e);
            return new UnavailableGatewayIo(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            shutdownQuietly(context);
            LOG.error("gateway I/O failed to start", e);
            return UnavailableGatewayIo.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Thrown by a platform supplier on a machine that has no GPIO at all: nothing is configured to fail. */
    public static final class NoGpioPlatform extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public NoGpioPlatform(String message) {
            super(message);
        }
    }

    /**
     * The real hardware: libgpiod on a Raspberry Pi's pin controller. The providers are created here
     * rather than found by Pi4J's ServiceLoader scan, which cannot see into other bundles under OSGi.
     */
    public static Context gpiodContext() {
        // every Raspberry Pi OS has it; checked first because Pi4J's own board detection logs
        // errors on a machine without it, which would alarm whoever reads a PC's log
        if (!Files.isReadable(DEVICE_TREE_MODEL)) {
            throw new NoGpioPlatform("no Pi4J platform: not a Raspberry Pi (no " + DEVICE_TREE_MODEL + ")");
        }
        if (!BoardInfoHelper.runningOnRaspberryPi()) {
            throw new NoGpioPlatform("no Pi4J platform: not a Raspberry Pi (board model unknown)");
        }
        return Pi4J.newContextBuilder()
                .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance())
                .build();
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public boolean failed() {
        return false;
    }

    @Override
    public String status() {
        return "available: " + pins;
    }

    @Override
    public IoInputs read() {
        return new IoInputs(read(estop, pins.estop()), read(door, pins.door()), read(leak, pins.leak()));
    }

    @Override
    public void beacon(boolean on) {
        try {
            beacon.state(level(on, pins.beacon().polarity()));
            recovered("beacon " + pins.beacon());
        } catch (RuntimeException e) {
            failed("beacon " + pins.beacon(), e);
        }
    }

    /** Releases the pins (the beacon goes off) and Pi4J's threads. */
    @Override
    public void close() {
        shutdownQuietly(context);
    }

    private DigitalReading read(DigitalInput in, IoPins.Input pin) {
        try {
            DigitalState s = in.state();
            recovered(in.id() + " " + pin);
            if (s == DigitalState.UNKNOWN) {
                return DigitalReading.UNKNOWN;
            }
            return DigitalReading.of(s == level(true, pin.polarity()));
        } catch (RuntimeException e) {
            failed(in.id() + " " + pin, e);
            return DigitalReading.UNKNOWN;
        }
    }

    private void failed(String pin, RuntimeException e) {
        if (failing.add(pin)) {
            LOG.warn("gateway I/O {} failed: {}", pin, e.toString());
        }
    }

    private void recovered(String pin) {
        if (failing.remove(pin)) {
            LOG.info("gateway I/O {} works again", pin);
        }
    }

    private static DigitalInput input(Context context, String id, IoPins.Input pin) {
        PullResistance pull = switch (pin.pull()) {
            case UP -> PullResistance.PULL_UP;
            case DOWN -> PullResistance.PULL_DOWN;
            case OFF -> PullResistance.OFF;
        };
        return context.create(DigitalInput.newConfigBuilder(context).id(id).name(id).address(pin.bcm()).pull(pull));
    }

    private static DigitalState level(boolean active, Polarity polarity) {
        return active == (polarity == Polarity.ACTIVE_HIGH) ? DigitalState.HIGH : DigitalState.LOW;
    }

    private static void shutdownQuietly(Context context) {
        if (context == null) {
            return;
        }
        try {
            context.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("Pi4J shutdown: {}", e.toString());
        }
    }
}
