package io.containeredge.control.testing;

import io.containeredge.gpio.api.DigitalReading;
import io.containeredge.gpio.api.GatewayIo;
import io.containeredge.gpio.api.IoInputs;

/** Gateway I/O a test wires by hand: working with contacts it sets, or configured and failed. */
public final class FakeGatewayIo implements GatewayIo {

    private final boolean failed;
    public volatile boolean estopPressed;
    public volatile boolean leak;
    public volatile boolean leakReadable = true;
    public volatile boolean beacon;

    private FakeGatewayIo(boolean failed) {
        this.failed = failed;
    }

    /** Working I/O, every contact in its normal state. */
    public static FakeGatewayIo working() {
        return new FakeGatewayIo(false);
    }

    /** I/O that is configured but did not start (a Pi4J error): nothing can be read. */
    public static FakeGatewayIo failedAtStart() {
        return new FakeGatewayIo(true);
    }

    @Override
    public boolean available() {
        return !failed;
    }

    @Override
    public boolean failed() {
        return failed;
    }

    @Override
    public String status() {
        return failed ? "failed: Pi4J could not open gpiochip0" : "available: fake";
    }

    @Override
    public IoInputs read() {
        return failed ? IoInputs.UNAVAILABLE
                : new IoInputs(DigitalReading.of(estopPressed), DigitalReading.of(false),
                        leakReadable ? DigitalReading.of(leak) : DigitalReading.UNKNOWN);
    }

    @Override
    public void beacon(boolean on) {
        beacon = on;
    }
}
