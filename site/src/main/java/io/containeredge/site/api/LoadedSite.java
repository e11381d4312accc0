package io.containeredge.site.api;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.modbus.profile.DeviceProfile;
import java.util.List;
import java.util.Map;

/**
 * A validated site configuration with the profile of every device it names. A device whose profile
 * is refused is listed in {@code refused} with its errors and is not started; the others run.
 * {@code source} is where its documents came from, for SunSpec model definitions found later.
 */
public record LoadedSite(SiteConfig config, Map<String, DeviceProfile> profilesByDevice,
        Map<String, List<ConfigError>> refused, ConfigSource source) {

    public LoadedSite {
        profilesByDevice = Map.copyOf(profilesByDevice);
        refused = Map.copyOf(refused);
    }

    public DeviceProfile profileOf(String deviceId) {
        return profilesByDevice.get(deviceId);
    }
}
