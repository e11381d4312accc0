package io.containeredge.control.api;

import java.util.Locale;

/**
 * The container's state at a glance, computed once per cycle by the controller
 * ({@link ControlStatus#state()}); the console and the cloud only read it.
 */
public enum ContainerState {
    /** Running within its limits; nothing needs attention. */
    NORMAL,
    /** Something needs attention (hot coolant, a device not answering, import over its limit ...). */
    WARNING,
    /** A thermal trip or an emergency stop holds every miner asleep until a person resets it. */
    TRIPPED,
    /** A reading the guards need is not good: miners are held at the safe level. */
    SAFE,
    /** A device is in maintenance, and nothing is worse. */
    MAINTENANCE,
    /**
     * Never in a status: what a reader shows when the control loop is not running or has not reported
     * recently, so it does not show a healthy container it cannot see.
     */
    UNKNOWN;

    /** The name in the API and the pages. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
