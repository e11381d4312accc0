package io.containeredge.control.api;

import java.util.Objects;

/**
 * One device taken out of the controller's hands for a while, e.g. while a technician works on it.
 *
 * @param device the site's device id
 * @param sinceMillis when it was put in maintenance
 * @param untilMillis the first instant it is no longer in maintenance: an end is mandatory, so a
 *     forgotten window gives the device back to the controller by itself
 * @param source who put it there, e.g. {@code console:alice} or {@code mqtt:ops/req-17}
 */
public record MaintenanceWindow(String device, long sinceMillis, long untilMillis, String source) {

    public MaintenanceWindow {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(source, "source");
        if (untilMillis <= sinceMillis) {
            throw new IllegalArgumentException("maintenance of " + device + " must end after it starts");
        }
    }

    public boolean activeAt(long nowMillis) {
        return nowMillis < untilMillis;
    }
}
