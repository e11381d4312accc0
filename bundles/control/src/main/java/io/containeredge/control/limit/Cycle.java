package io.containeredge.control.limit;

import io.containeredge.control.api.MaintenanceWindow;
import io.containeredge.modbus.image.Snapshot;
import java.util.Map;

/**
 * What every limit source and load kind sees of one control cycle besides the guards' inputs.
 *
 * @param snapshot the process image the cycle reads
 * @param held the devices in maintenance now, by device id: written nothing to
 * @param wallMillis wall-clock time: for events and leases that end at a time of day, and for people
 * @param nowMillis monotonic time: every age, rate and timer
 */
public record Cycle(Snapshot snapshot, Map<String, MaintenanceWindow> held, long wallMillis, long nowMillis) {

    public Cycle {
        held = Map.copyOf(held);
    }

    /** Whether {@code device} (null: none) is in maintenance. */
    public boolean isHeld(String device) {
        return device != null && held.containsKey(device);
    }
}
