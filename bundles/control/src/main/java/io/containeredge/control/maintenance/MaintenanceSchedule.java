package io.containeredge.control.maintenance;

import io.containeredge.control.api.MaintenanceWindow;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which devices are in maintenance, kept in a {@link MaintenanceFile} across restarts. A window ends
 * by itself at its {@code until}; an earlier end is explicit. Time is always passed in, so the rules
 * run on a virtual clock in tests. Thread-safe: the control cycle reads while the API and the cloud
 * change it.
 *
 * <p>If the file cannot be written, the change still applies in memory and the error is logged: a
 * window lost at the next restart only gives the device back to the controller, the safe direction.
 */
public final class MaintenanceSchedule {

    public static final Duration MIN_DURATION = Duration.ofMinutes(1);
    /** Long enough for a part to arrive over a weekend, short enough that a forgotten window ends. */
    public static final Duration MAX_DURATION = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceSchedule.class);

    private final List<String> devices;
    private final MaintenanceFile file;
    private final SortedMap<String, MaintenanceWindow> windows = new TreeMap<>();

    /**
     * @param devices the site's devices that may be put in maintenance
     * @param nowMillis windows in the file that ended before this, or whose device left the site, are dropped
     */
    public MaintenanceSchedule(List<String> devices, MaintenanceFile file, long nowMillis) {
        this.devices = List.copyOf(devices);
        this.file = file;
        for (MaintenanceWindow w : file.load()) {
            if (!w.activeAt(nowMillis)) {
                continue;
            }
            if (this.devices.contains(w.device())) {
                windows.put(w.device(), w);
                LOG.info("device {} still in maintenance until {} ({})", w.device(), Instant.ofEpochMilli(w.untilMillis()),
                        w.source());
            } else {
                LOG.warn("maintenance of {} dropped: the site has no such device any more", w.device());
            }
        }
    }

    /** The devices that may be put in maintenance, in site order. */
    public List<String> devices() {
        return devices;
    }

    /**
     * Puts a device in maintenance from now for {@code duration}, replacing a window it already has.
     *
     * @throws IllegalArgumentException with the reason (unknown device, duration out of range); nothing changes
     */
    public synchronized MaintenanceWindow start(String device, Duration duration, String source, long nowMillis) {
        MaintenanceWindow w = window(devices, device, duration, source, nowMillis);
        windows.put(device, w);
        LOG.warn("device {} in maintenance until {} ({}): no setpoints are written to it", device,
                Instant.ofEpochMilli(w.untilMillis()), source);
        persist();
        return w;
    }

    /**
     * The window a request to put {@code device} in maintenance from now asks for, checked against the
     * site's devices and the allowed durations.
     *
     * @throws IllegalArgumentException with the reason (unknown device, duration out of range)
     */
    public static MaintenanceWindow window(List<String> devices, String device, Duration duration, String source,
            long nowMillis) {
        if (device == null || !devices.contains(device)) {
            throw new IllegalArgumentException("no device '" + device + "' in this container (devices: "
                    + String.join(", ", devices) + ")");
        }
        if (duration == null || duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("maintenance lasts between " + MIN_DURATION.toMinutes() + " minute and "
                    + MAX_DURATION.toDays() + " days");
        }
        return new MaintenanceWindow(device, nowMillis, nowMillis + duration.toMillis(), source);
    }

    /** Ends a device's maintenance now; false if it was not in maintenance. */
    public synchronized boolean end(String device, String source, long nowMillis) {
        MaintenanceWindow w = windows.get(device);
        if (w == null || !w.activeAt(nowMillis)) {
            return false;
        }
        windows.remove(device);
        LOG.warn("device {} back under control: maintenance ended by {}", device, source);
        persist();
        return true;
    }

    /** The windows in force at {@code nowMillis}, by device; expired ones are forgotten. */
    public synchronized Map<String, MaintenanceWindow> active(long nowMillis) {
        if (windows.isEmpty()) {
            return Map.of();
        }
        for (Iterator<MaintenanceWindow> it = windows.values().iterator(); it.hasNext();) {
            MaintenanceWindow w = it.next();
            if (!w.activeAt(nowMillis)) {
                it.remove();
                LOG.info("device {} back under control: maintenance ({}) expired", w.device(), w.source());
            }
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(windows));
    }

    private void persist() {
        try {
            file.save(new ArrayList<>(windows.values()));
        } catch (IOException e) {
            LOG.error("maintenance file {} not written, the windows hold until the next restart only: {}",
                    file.file(), e.toString());
        }
    }
}
