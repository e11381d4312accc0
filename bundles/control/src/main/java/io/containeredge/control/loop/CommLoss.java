package io.containeredge.control.loop;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.MaintenanceWindow;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which devices have stopped answering, as alarms. A device has lost communication when none of its
 * points is good or invalid (an invalid value is still an answer) — every one is stale or missing,
 * by the max ages of its own poll classes. A device never read at all is reported only after
 * {@link #STARTUP_GRACE}, so the first polls after a start raise nothing.
 *
 * <p>The alarm is {@code comm.<device>}, CRITICAL. For a device in maintenance it is
 * {@code comm.<device>.maintenance}, a WARNING: a technician unplugging it is expected, and must not
 * light the beacon. Only the alarm changes: the guards still see the device's readings as bad and act
 * on the worst case. Pure: a function of the snapshot, the maintenance windows and time.
 */
public final class CommLoss {

    public static final Duration STARTUP_GRACE = Duration.ofSeconds(60);

    private CommLoss() {
    }

    /**
     * @param devices the devices to watch
     * @param startedMillis when the controller started (its first cycle)
     */
    public static List<AlarmCondition> conditions(Snapshot s, List<String> devices,
            Map<String, MaintenanceWindow> maintenance, long nowMillis, long startedMillis) {
        Set<String> answering = new HashSet<>();
        Set<String> readOnce = new HashSet<>();
        for (PointValue v : s.values()) {
            if (v.quality() == Quality.GOOD || v.quality() == Quality.INVALID) {
                answering.add(v.device());
            } else if (v.quality() == Quality.STALE) {
                readOnce.add(v.device());
            }
        }
        boolean graceOver = nowMillis - startedMillis >= STARTUP_GRACE.toMillis();
        List<AlarmCondition> alarms = new ArrayList<>();
        for (String device : devices) {
            if (answering.contains(device) || !readOnce.contains(device) && !graceOver) {
                continue;
            }
            String what = "device " + device + " not answering: every point "
                    + (readOnce.contains(device) ? "stale or missing" : "missing since the start");
            MaintenanceWindow w = maintenance.get(device);
            alarms.add(w == null
                    ? new AlarmCondition("comm." + device, Severity.CRITICAL, device, what, Double.NaN)
                    : new AlarmCondition("comm." + device + ".maintenance", Severity.WARNING, device,
                            "maintenance: " + what + " (in maintenance until " + Instant.ofEpochMilli(w.untilMillis())
                                    + ", " + w.source() + "); its readings still count as the worst case",
                            Double.NaN));
        }
        return alarms;
    }
}
