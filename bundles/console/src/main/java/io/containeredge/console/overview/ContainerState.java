package io.containeredge.console.overview;

import java.util.Locale;

/** The container's state at a glance, as the overview shows it. */
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
    /** The control loop is not running or has not reported recently: nothing can be said. */
    UNKNOWN;

    /** The name in the API and the pages. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
