package io.containeredge.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.containeredge.gpio.api.IoInputs;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The component as DS creates it: from a configuration, on a machine with or without GPIO. */
class GatewayIoComponentTest {

    /** The configuration DS would pass: the metatype defaults with {@code overrides}. */
    private static GpioConfiguration config(Map<String, Object> overrides) {
        return (GpioConfiguration) Proxy.newProxyInstance(GpioConfiguration.class.getClassLoader(),
                new Class<?>[] {GpioConfiguration.class},
                (proxy, method, args) -> overrides.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    @Test
    void defaultsOnThisMachineStartUnavailable() {
        assumeFalse(BoardInfoHelper.runningOnRaspberryPi(), "this machine is a Raspberry Pi");
        GatewayIoComponent c = new GatewayIoComponent(config(Map.of()));
        assertFalse(c.available());
        assertFalse(c.failed(), "a PC has no GPIO to fail");
        assertTrue(c.status().contains("no Pi4J platform"), c.status());
        assertEquals(IoInputs.UNAVAILABLE, c.read());
        c.beacon(true);
        c.deactivate();
    }

    @Test
    void defaultsOnAMockPlatformUseTheDocumentedPins() {
        Context[] ctx = new Context[1];
        GatewayIoComponent c = new GatewayIoComponent(config(Map.of()), () -> ctx[0] = Pi4J.newContextBuilder()
                .add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build());
        try {
            assertTrue(c.available(), c.status());
            assertEquals(17, ctx[0].registry().<DigitalInput>get("estop").config().address());
            assertEquals(27, ctx[0].registry().<DigitalInput>get("door").config().address());
            assertEquals(22, ctx[0].registry().<DigitalInput>get("leak").config().address());
            assertEquals(23, ctx[0].registry().<DigitalOutput>get("beacon").config().address());
            // mock inputs start low: with the fail-safe default wiring that is the normal state
            assertTrue(c.read().emergencyStop().good());
            assertFalse(c.read().emergencyStop().active());
        } finally {
            c.deactivate();
        }
        assertTrue(ctx[0].isShutdown());
    }

    @Test
    void disabledIsUnavailableAndAnInvalidConfigurationFailedWithTheReason() {
        GatewayIoComponent off = new GatewayIoComponent(config(Map.of("enabled", false)), () -> {
            throw new AssertionError("must not touch the GPIO");
        });
        assertEquals("unavailable: disabled by configuration", off.status());
        assertFalse(off.failed(), "not configured: nothing failed");

        GatewayIoComponent clash = new GatewayIoComponent(config(Map.of("door_pin", 17)), () -> {
            throw new AssertionError("must not touch the GPIO");
        });
        assertEquals("failed: invalid configuration: BCM pin 17 is configured twice", clash.status());
        assertTrue(clash.failed(), "configured, and wrong: the emergency stop cannot be read");
    }
}
