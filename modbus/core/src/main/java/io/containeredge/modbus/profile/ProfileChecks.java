package io.containeredge.modbus.profile;

import io.containeredge.modbus.config.ConfigError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Profile rules beyond the JSON Schema: names, table/type fit, scale factors, ranges. */
final class ProfileChecks {

    private ProfileChecks() {
    }

    static List<ConfigError> check(String file, DeviceProfile profile) {
        List<ConfigError> errors = new ArrayList<>();
        Map<String, PointDef> byName = new HashMap<>();
        List<PointDef> points = profile.points();
        for (int i = 0; i < points.size(); i++) {
            PointDef p = points.get(i);
            String path = "$.points[" + i + "]";
            if (byName.putIfAbsent(p.name(), p) != null) {
                errors.add(new ConfigError(file, path + ".name", "duplicate point name '" + p.name() + "'"));
            }
            checkPoint(file, path, p, profile, errors);
        }
        for (int i = 0; i < points.size(); i++) {
            PointDef p = points.get(i);
            if (p.scaleFactor() != null) {
                PointDef sf = byName.get(p.scaleFactor());
                if (sf == null || sf.type() != DataType.SUNSSF) {
                    errors.add(new ConfigError(file, "$.points[" + i + "].scaleFactor",
                            "'" + p.scaleFactor() + "' is not a sunssf point of this profile"));
                }
            }
        }
        for (int i = 0; i < profile.unreadable().size(); i++) {
            AddressRange r = profile.unreadable().get(i);
            if (r.to() < r.from()) {
                errors.add(new ConfigError(file, "$.unreadable[" + i + "]", "'to' is below 'from'"));
            }
        }
        return errors;
    }

    private static void checkPoint(String file, String path, PointDef p, DeviceProfile profile,
            List<ConfigError> errors) {
        if (p.table().isBits() != (p.type() == DataType.BOOL)) {
            errors.add(new ConfigError(file, path + ".type", p.table().isBits()
                    ? "coil and discrete points must be of type bool"
                    : "type bool is only for coil and discrete points"));
        }
        if (p.writable() && !p.table().isWritable()) {
            errors.add(new ConfigError(file, path + ".writable",
                    "a point in the " + p.table().key() + " table cannot be written"));
        }
        if (p.lastAddress() > 65535) {
            errors.add(new ConfigError(file, path + ".address", "point runs past address 65535"));
        }
        if (p.type().isBitfield() && p.flags().isEmpty()) {
            errors.add(new ConfigError(file, path + ".flags", "a bitfield needs named flags"));
        }
        int width = p.type() == DataType.BITFIELD16 ? 16 : 32;
        p.flags().keySet().stream().filter(bit -> bit >= width).forEach(bit -> errors.add(
                new ConfigError(file, path + ".flags." + bit, "bit " + bit + " is outside a " + width + "-bit field")));
        if (!p.type().isBitfield() && !p.flags().isEmpty()) {
            errors.add(new ConfigError(file, path + ".flags", "flags are only for bitfield types"));
        }
        if (p.type() == DataType.ENUM16 && p.enumValues().isEmpty()) {
            errors.add(new ConfigError(file, path + ".values", "an enum needs its values"));
        }
        if (p.min() != null && p.max() != null && p.min() >= p.max()) {
            errors.add(new ConfigError(file, path + ".max", "max must be above min"));
        }
        for (AddressRange r : profile.unreadable()) {
            if (r.overlaps(p.table(), p.address(), p.lastAddress())) {
                errors.add(new ConfigError(file, path + ".address",
                        "point lies in a range the profile marks unreadable"));
            }
        }
    }
}
