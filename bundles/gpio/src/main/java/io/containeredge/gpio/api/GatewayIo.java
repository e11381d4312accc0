package io.containeredge.gpio.api;

/**
 * The gateway's hard-wired inputs and its beacon output. Thread-safe. Inputs are read on demand,
 * so a reading is as fresh as the call.
 */
public interface GatewayIo {

    /** True when the inputs are read from real (or mock) hardware. */
    boolean available();

    /**
     * True when the I/O is configured on a machine that has GPIO but could not be set up (a Pi4J error
     * at start, an invalid pin configuration): the inputs are then unreadable and the emergency stop
     * counts as pressed. False when {@link #available()}, and when there is no I/O to use: a machine
     * without GPIO (a PC) or the I/O disabled by configuration.
     */
    boolean failed();

    /** One line for logs and the console, e.g. {@code unavailable: no Pi4J platform (...)}. */
    String status();

    /** The three inputs now; every one is not good when {@link #available()} is false. */
    IoInputs read();

    /** Switches the beacon; does nothing when unavailable. */
    void beacon(boolean on);
}
