package io.containeredge.simulator.redfish;

import java.util.Locale;

/** Which Redfish power resources a simulated BMC offers, as BMC generations differ. */
public enum BmcDialect {
    /** Modern: {@code Chassis/{id}/EnvironmentMetrics} for the reading and a {@code Control} of type Power. */
    CONTROLS,
    /** Older (deprecated in Redfish but widely deployed): {@code Chassis/{id}/Power} with {@code PowerControl}. */
    POWER;

    /** The dialect of the i-th server (0-based) for {@code controls}, {@code power} or {@code mixed}. */
    public static BmcDialect forServer(String choice, int index) {
        return switch (choice.toLowerCase(Locale.ROOT)) {
            case "controls" -> CONTROLS;
            case "power" -> POWER;
            // alternating, so a demo exercises both ways of reading and capping
            case "mixed" -> index % 2 == 0 ? CONTROLS : POWER;
            default -> throw new IllegalArgumentException("gpu dialect must be controls, power or mixed, got '"
                    + choice + "'");
        };
    }
}
