package io.containeredge.modbus.profile;

import java.util.List;
import java.util.Optional;

/**
 * A device model's register map, loaded from {@code firmware-config/profiles}. Either it lists its
 * points, or it is a SunSpec profile whose points come from discovery (or both).
 */
public record DeviceProfile(
        String id,
        String description,
        List<PointDef> points,
        List<AddressRange> unreadable,
        SunSpecSpec sunspec) {

    public DeviceProfile {
        points = List.copyOf(points);
        unreadable = List.copyOf(unreadable);
    }

    public Optional<PointDef> point(String name) {
        return points.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public boolean isSunSpec() {
        return sunspec != null;
    }

    /** The same profile with a concrete point list, e.g. after SunSpec discovery. */
    public DeviceProfile withPoints(List<PointDef> newPoints) {
        return new DeviceProfile(id, description, newPoints, unreadable, sunspec);
    }
}
