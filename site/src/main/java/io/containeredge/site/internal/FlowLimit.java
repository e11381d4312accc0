package io.containeredge.site.internal;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.modbus.profile.DeviceProfile;
import io.containeredge.site.api.Limits;
import java.util.List;
import java.util.Map;

/**
 * A site must set {@code limits.minFlowM3h} when a CDU reports flow: without it the low-flow trip would be
 * silently off. Needs the devices' profiles, so it runs once they are resolved.
 */
final class FlowLimit {

    static final String FLOW_POINT = "flow";

    private FlowLimit() {
    }

    /**
     * @param limits the limits section, or null when it was refused (nothing to add then)
     * @param profiles the profile of every device whose profile was accepted
     */
    static List<ConfigError> check(String file, Limits limits, List<DeviceConfig> devices,
            Map<String, DeviceProfile> profiles) {
        if (limits == null || limits.hasFlowLimit()) {
            return List.of();
        }
        List<String> reporting = devices.stream()
                .filter(d -> d.enabled() && d.role().equals("cdu"))
                .filter(d -> profiles.containsKey(d.id()) && profiles.get(d.id()).point(FLOW_POINT).isPresent())
                .map(DeviceConfig::id).toList();
        if (reporting.isEmpty()) {
            return List.of();
        }
        return List.of(new ConfigError(file, "$.limits.minFlowM3h", "required: CDU " + String.join(", ", reporting)
                + " reports flow, and without a minimum the low-flow trip is off"));
    }
}
