package io.containeredge.gpio;

import io.containeredge.gpio.api.GatewayIo;
import io.containeredge.gpio.api.IoInputs;

/**
 * The I/O of a gateway without working GPIO: every input reads as not good, and the beacon does
 * nothing. Either there is none to use (a PC, a board Pi4J does not know, disabled by configuration:
 * the gateway runs without I/O) or it is configured and {@link #failed} (the emergency stop then
 * counts as pressed).
 */
public final class UnavailableGatewayIo implements GatewayIo {

    private final String status;
    private final boolean failed;

    /** No I/O to use here, for {@code reason}. */
    public UnavailableGatewayIo(String reason) {
        this(reason, false);
    }

    private UnavailableGatewayIo(String reason, boolean failed) {
        this.status = (failed ? "failed: " : "unavailable: ") + reason;
        this.failed = failed;
    }

    /** I/O that is configured but could not be set up, for {@code reason}. */
    public static UnavailableGatewayIo failed(String reason) {
        return new UnavailableGatewayIo(reason, true);
    }

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public boolean failed() {
        return failed;
    }

    @Override
    public String status() {
        return status;
    }

    @Override
    public IoInputs read() {
        return IoInputs.UNAVAILABLE;
    }

    @Override
    public void beacon(boolean on) {
        // nothing to switch
    }
}
