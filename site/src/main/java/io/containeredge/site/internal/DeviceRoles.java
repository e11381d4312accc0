package io.containeredge.site.internal;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.device.DeviceConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices the guards read must be named without ambiguity: which meter measures the import, which
 * battery inverter is dispatched. The controller never picks one by list order, so a site where that
 * would be needed is refused here, with the path of the device that makes it ambiguous.
 */
final class DeviceRoles {

    static final String METER = "meter";
    static final String BATTERY = "battery";

    private DeviceRoles() {
    }

    static List<ConfigError> check(String file, List<DeviceConfig> devices) {
        List<ConfigError> errors = new ArrayList<>();
        List<Integer> meters = new ArrayList<>();
        List<Integer> marked = new ArrayList<>();
        List<Integer> batteries = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            DeviceConfig d = devices.get(i);
            if (d.importMeter() && !d.role().equals(METER)) {
                errors.add(error(file, i, "import", "only a meter measures the import; '" + d.id()
                        + "' has role '" + d.role() + "'"));
            } else if (d.importMeter() && !d.enabled()) {
                errors.add(error(file, i, "import", "the import meter '" + d.id() + "' is disabled: the power guard"
                        + " would have no import reading"));
            }
            if (!d.enabled()) {
                continue;
            }
            if (d.role().equals(METER)) {
                meters.add(i);
                if (d.importMeter()) {
                    marked.add(i);
                }
            } else if (d.role().equals(BATTERY)) {
                batteries.add(i);
            }
        }
        for (int j = 1; j < marked.size(); j++) {
            errors.add(error(file, marked.get(j), "import", "a second import meter: '"
                    + devices.get(marked.get(0)).id() + "' is already marked import: true; mark exactly one"));
        }
        if (meters.size() > 1 && marked.isEmpty()) {
            errors.add(new ConfigError(file, "$.devices", meters.size() + " enabled meters ("
                    + String.join(", ", meters.stream().map(i -> devices.get(i).id()).toList())
                    + ") and none marked import: true; mark the one that measures the container's import"));
        }
        for (int j = 1; j < batteries.size(); j++) {
            errors.add(error(file, batteries.get(j), "role", "a second enabled battery inverter ('"
                    + devices.get(batteries.get(0)).id() + "' is the first): the controller dispatches one"
                    + " battery inverter; disable the others"));
        }
        return errors;
    }

    private static ConfigError error(String file, int device, String field, String reason) {
        return new ConfigError(file, "$.devices[" + device + "]." + field, reason);
    }
}
