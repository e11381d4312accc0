package io.containeredge.modbus.site;

import io.containeredge.modbus.profile.DeviceProfile;
import java.util.Map;

/** A validated site configuration together with the profile of every device it names. */
public record LoadedSite(SiteConfig config, Map<String, DeviceProfile> profilesByDevice) {

    public LoadedSite {
        profilesByDevice = Map.copyOf(profilesByDevice);
    }

    public DeviceProfile profileOf(String deviceId) {
        return profilesByDevice.get(deviceId);
    }
}
