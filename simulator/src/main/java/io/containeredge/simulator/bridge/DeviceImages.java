package io.containeredge.simulator.bridge;

import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.profile.AddressRange;
import io.containeredge.modbus.profile.DeviceProfile;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.profile.Table;
import io.containeredge.modbus.sunspec.SunSpecLayout;
import io.containeredge.modbus.sunspec.SunSpecModels;
import io.containeredge.simulator.device.DeviceImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a device's image from its profile. A SunSpec profile is laid out at base 40000 with the
 * profile's model list by {@link SunSpecLayout}, the same code discovery walks, so the simulator and
 * the gateway agree by construction; the whole block (marker, headers, bodies, end marker) is readable.
 * A listed register map is readable from its first to its last point except where the profile marks
 * it unreadable.
 */
public final class DeviceImages {

    /** Where simulated SunSpec devices put their 'SunS' marker: the most common base in the field. */
    public static final int SUNSPEC_BASE = 40000;

    private DeviceImages() {
    }

    /**
     * Like most real devices, a hole between two points reads as zeros; only the ranges the profile
     * marks unreadable are refused (exception 02), which is what lets the poller bridge small gaps.
     */
    static List<AddressRange> readableHoles(DeviceProfile profile) {
        List<AddressRange> holes = new ArrayList<>();
        for (Table table : Table.values()) {
            List<PointDef> inTable = profile.points().stream().filter(p -> p.table() == table).toList();
            if (inTable.isEmpty()) {
                continue;
            }
            int from = inTable.stream().mapToInt(PointDef::address).min().orElseThrow();
            int to = inTable.stream().mapToInt(PointDef::lastAddress).max().orElseThrow();
            for (int address = from; address <= to; address++) {
                int a = address;
                if (profile.unreadable().stream().noneMatch(r -> r.overlaps(table, a, a))) {
                    holes.add(new AddressRange(table, a, a));
                }
            }
        }
        return holes;
    }

    public static DeviceImage build(String deviceId, DeviceProfile profile, SunSpecModels models)
            throws ConfigException {
        List<PointDef> points = new ArrayList<>(profile.points());
        if (!profile.isSunSpec()) {
            return new DeviceImage(deviceId, points, Map.of(), readableHoles(profile));
        }
        SunSpecLayout layout = SunSpecLayout.build(models, SUNSPEC_BASE, profile.sunspec().models());
        points.addAll(layout.points());
        AddressRange block = new AddressRange(Table.HOLDING_REGISTER, layout.base(),
                layout.base() + layout.length() - 1);
        return new DeviceImage(deviceId, points, Map.copyOf(layout.headerRegisters()), List.of(block));
    }
}
