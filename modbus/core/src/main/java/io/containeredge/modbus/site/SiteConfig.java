package io.containeredge.modbus.site;

import java.util.List;
import java.util.Optional;

/** A container's configuration as loaded from {@code firmware-config/sites/*.yaml}. */
public record SiteConfig(
        String site,
        String container,
        String description,
        List<ConnectionConfig> connections,
        List<DeviceConfig> devices,
        MinerFleetConfig miners,
        Limits limits,
        WebServerSettings api,
        SimulationConfig simulation,
        ControlSettings control) {

    public SiteConfig {
        connections = List.copyOf(connections);
        devices = List.copyOf(devices);
    }

    public Optional<ConnectionConfig> connection(String id) {
        return connections.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<DeviceConfig> device(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public List<DeviceConfig> devicesWithRole(String role) {
        return devices.stream().filter(d -> d.role().equals(role)).toList();
    }

    /** The ids of the enabled devices with a role, in file order. */
    public List<String> enabledDevicesWithRole(String role) {
        return devicesWithRole(role).stream().filter(DeviceConfig::enabled).map(DeviceConfig::id).toList();
    }

    /** The first enabled device with a role, e.g. the CDU the thermal guard reads. */
    public Optional<String> firstDeviceWithRole(String role) {
        return enabledDevicesWithRole(role).stream().findFirst();
    }
}
