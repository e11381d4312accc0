package io.containeredge.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.containeredge.gpio.IoPins.Input;
import io.containeredge.gpio.IoPins.Output;
import io.containeredge.gpio.IoPins.Polarity;
import io.containeredge.gpio.IoPins.Pull;
import io.containeredge.gpio.api.DigitalReading;
import io.containeredge.gpio.api.GatewayIo;
import io.containeredge.gpio.api.IoInputs;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Pi4J I/O on Pi4J's mock platform, and the ways it turns out unavailable. */
class Pi4jGatewayIoTest {

    private static final IoPins PINS = new IoPins(new Input(17, Polarity.ACTIVE_HIGH, Pull.UP),
            new Input(27, Polarity.ACTIVE_LOW, Pull.UP), new Input(22, Polarity.ACTIVE_HIGH, Pull.DOWN),
            new Output(23, Polarity.ACTIVE_HIGH));

    private final AtomicReference<Context> context = new AtomicReference<>();
    private GatewayIo io;

    /** A mock platform with the given providers; the context is kept to look at the pins. */
    private Context mock(boolean withOutputs) {
        var builder = Pi4J.newContextBuilder().add(new MockPlatform()).add(MockDigitalInputProvider.newInstance());
        if (withOutputs) {
            builder.add(MockDigitalOutputProvider.newInstance());
        }
        context.set(builder.build());
        return context.get();
    }

    @AfterEach
    void close() {
        if (io instanceof Pi4jGatewayIo p) {
            p.close();
        }
    }

    private void set(String id, DigitalState s) {
        context.get().registry().<MockDigitalInput>get(id).mockState(s);
    }

    private DigitalState beaconPin() {
        return context.get().registry().<DigitalOutput>get("beacon").state();
    }

    @Test
    void readsInputsWithTheirPolarity() {
        io = Pi4jGatewayIo.open(PINS, () -> mock(true));
        assertTrue(io.available(), io.status());
        assertEquals("available: estop BCM 17 active-high pull-up, door BCM 27 active-low pull-up, "
                + "leak BCM 22 active-high pull-down, beacon BCM 23 active-high", io.status());
        assertEquals(17, context.get().registry().<DigitalInput>get("estop").config().address());

        set("estop", DigitalState.LOW);
        set("door", DigitalState.HIGH);
        set("leak", DigitalState.LOW);
        assertEquals(new IoInputs(DigitalReading.of(false), DigitalReading.of(false), DigitalReading.of(false)),
                io.read());

        set("estop", DigitalState.HIGH);
        set("door", DigitalState.LOW);
        set("leak", DigitalState.HIGH);
        assertEquals(new IoInputs(DigitalReading.of(true), DigitalReading.of(true), DigitalReading.of(true)),
                io.read());
    }

    @Test
    void anUnknownLevelIsNotGood() {
        io = Pi4jGatewayIo.open(PINS, () -> mock(true));
        set("leak", DigitalState.UNKNOWN);
        assertEquals(DigitalReading.UNKNOWN, io.read().leak());
        assertTrue(io.read().emergencyStop().good());
    }

    @Test
    void beaconDrivesTheOutputWithItsPolarity() {
        io = Pi4jGatewayIo.open(PINS, () -> mock(true));
        assertEquals(DigitalState.LOW, beaconPin(), "off from the start");
        io.beacon(true);
        assertEquals(DigitalState.HIGH, beaconPin());
        io.beacon(false);
        assertEquals(DigitalState.LOW, beaconPin());
        close();

        IoPins activeLow = new IoPins(PINS.estop(), PINS.door(), PINS.leak(), new Output(23, Polarity.ACTIVE_LOW));
        io = Pi4jGatewayIo.open(activeLow, () -> mock(true));
        assertEquals(DigitalState.HIGH, beaconPin(), "off is high when active-low");
        io.beacon(true);
        assertEquals(DigitalState.LOW, beaconPin());
    }

    @Test
    void gpioThatFailsToStartIsFailedNotAnException() {
        assertFailed(Pi4jGatewayIo.open(PINS, () -> Pi4J.newContextBuilder().build()));
        assertFailed(Pi4jGatewayIo.open(PINS, () -> {
            throw new UnsatisfiedLinkError("no libgpiod for this architecture");
        }));

        GatewayIo half = Pi4jGatewayIo.open(PINS, () -> mock(false));
        assertFailed(half);
        assertTrue(context.get().isShutdown(), "the inputs already created are released");
    }

    @Test
    void aMachineWithoutGpioIsUnavailableNotFailed() {
        GatewayIo none = Pi4jGatewayIo.open(PINS, () -> {
            throw new Pi4jGatewayIo.NoGpioPlatform("no Pi4J platform: not a Raspberry Pi");
        });
        assertUnavailable(none);
        assertFalse(none.failed());
    }

    @Test
    void theRealPlatformIsUnavailableOffAPi() {
        assumeFalse(BoardInfoHelper.runningOnRaspberryPi(), "this machine is a Raspberry Pi");
        GatewayIo real = Pi4jGatewayIo.open(PINS, Pi4jGatewayIo::gpiodContext);
        assertUnavailable(real);
        assertFalse(real.failed(), "a PC has no GPIO to fail");
        assertTrue(real.status().startsWith("unavailable: no Pi4J platform: not a Raspberry Pi"), real.status());
    }

    @Test
    void pinsMustBeHeaderGpiosUsedOnce() {
        assertThrows(IllegalArgumentException.class, () -> new IoPins(PINS.estop(), PINS.door(), PINS.leak(),
                new Output(17, Polarity.ACTIVE_HIGH)));
        assertThrows(IllegalArgumentException.class, () -> new IoPins(new Input(28, Polarity.ACTIVE_HIGH, Pull.UP),
                PINS.door(), PINS.leak(), PINS.beacon()));
    }

    private static void assertFailed(GatewayIo io) {
        assertNoIo(io, true, "failed: ");
    }

    private static void assertUnavailable(GatewayIo io) {
        assertNoIo(io, false, "unavailable: ");
    }

    /** Nothing to read or switch, and whether that counts as a failure. */
    private static void assertNoIo(GatewayIo io, boolean failed, String status) {
        assertFalse(io.available());
        assertEquals(failed, io.failed(), io.status());
        assertTrue(io.status().startsWith(status), io.status());
        assertEquals(IoInputs.UNAVAILABLE, io.read());
        io.beacon(true);
    }
}
