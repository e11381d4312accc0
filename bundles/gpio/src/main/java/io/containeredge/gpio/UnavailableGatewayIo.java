package io.containeredge.gpio;

import io.containeredge.gpio.api.GatewayIo;
import io.containeredge.gpio.api.IoInputs;

/**
 * The I/O of a gateway without GPIO (a PC, a board Pi4J does not know, a broken configuration): the
 * gateway runs, every input reads as not good, and the beacon does nothing.
 */
public final class UnavailableGatewayIo implements GatewayIo {

    private final String status;

    public UnavailableGatewayIo(String reason) {
        this.status = "unavailable: " + reason;
    }

    @Override
    public boolean available() {
        return false;
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
