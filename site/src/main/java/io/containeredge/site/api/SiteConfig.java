package io.containeredge.site.api;

import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.modbus.device.DeviceConfig;
import java.util.List;
import java.util.Optional;

/**
 * A container's configuration as loaded from {@code firmware-config/sites/*.yaml}.
 *
 * @param economics the optional {@code economics} section: present, the miners run at the power that pays
 * @param planner the optional {@code planner} section: present, a 48-hour plan steers the battery and the mining power
 * @param ai the optional {@code ai} section: GPU servers of AI/HPC tenants beside the miners, capped over Redfish
 * @param grid the {@code grid} section: frequency guard, OpenADR VEN, event measurement, peak windows
 *     ({@link GridSettings#NONE} when absent)
 */
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
        ControlSettings control,
        Optional<EconomicsSettings> economics,
        Optional<PlannerSettings> planner,
        Optional<AiSettings> ai,
        GridSettings grid,
        Optional<SiteLeaseSettings> siteLease) {

    public SiteConfig {
        connections = List.copyOf(connections);
        devices = List.copyOf(devices);
        economics = economics == null ? Optional.empty() : economics;
        planner = planner == null ? Optional.empty() : planner;
        ai = ai == null ? Optional.empty() : ai;
        grid = grid == null ? GridSettings.NONE : grid;
        siteLease = siteLease == null ? Optional.empty() : siteLease;
    }

    /** A site without a {@code siteLease} section: the container is not coordinated with others. */
    public SiteConfig(String site, String container, String description, List<ConnectionConfig> connections,
            List<DeviceConfig> devices, MinerFleetConfig miners, Limits limits, WebServerSettings api,
            SimulationConfig simulation, ControlSettings control, Optional<EconomicsSettings> economics,
            Optional<PlannerSettings> planner, Optional<AiSettings> ai, GridSettings grid) {
        this(site, container, description, connections, devices, miners, limits, api, simulation, control,
                economics, planner, ai, grid, Optional.empty());
    }

    /** A site without a {@code grid} section. */
    public SiteConfig(String site, String container, String description, List<ConnectionConfig> connections,
            List<DeviceConfig> devices, MinerFleetConfig miners, Limits limits, WebServerSettings api,
            SimulationConfig simulation, ControlSettings control, Optional<EconomicsSettings> economics,
            Optional<PlannerSettings> planner, Optional<AiSettings> ai) {
        this(site, container, description, connections, devices, miners, limits, api, simulation, control,
                economics, planner, ai, GridSettings.NONE);
    }

    /** A site without an {@code ai} section. */
    public SiteConfig(String site, String container, String description, List<ConnectionConfig> connections,
            List<DeviceConfig> devices, MinerFleetConfig miners, Limits limits, WebServerSettings api,
            SimulationConfig simulation, ControlSettings control, Optional<EconomicsSettings> economics,
            Optional<PlannerSettings> planner) {
        this(site, container, description, connections, devices, miners, limits, api, simulation, control,
                economics, planner, Optional.empty());
    }

    /** A site without a {@code planner} section. */
    public SiteConfig(String site, String container, String description, List<ConnectionConfig> connections,
            List<DeviceConfig> devices, MinerFleetConfig miners, Limits limits, WebServerSettings api,
            SimulationConfig simulation, ControlSettings control, Optional<EconomicsSettings> economics) {
        this(site, container, description, connections, devices, miners, limits, api, simulation, control,
                economics, Optional.empty(), Optional.empty());
    }

    /** A site without an {@code economics} section: every miner runs as the limits allow. */
    public SiteConfig(String site, String container, String description, List<ConnectionConfig> connections,
            List<DeviceConfig> devices, MinerFleetConfig miners, Limits limits, WebServerSettings api,
            SimulationConfig simulation, ControlSettings control) {
        this(site, container, description, connections, devices, miners, limits, api, simulation, control,
                Optional.empty());
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

    /**
     * The meter whose active power is the container's import: the enabled meter marked {@code import: true},
     * or the only enabled meter. Empty when there is none, or when several are enabled and not exactly one is
     * marked (the loader refuses such a site): never chosen by list order.
     */
    public Optional<String> importMeter() {
        List<DeviceConfig> meters = devicesWithRole("meter").stream().filter(DeviceConfig::enabled).toList();
        List<DeviceConfig> marked = meters.stream().filter(DeviceConfig::importMeter).toList();
        if (marked.size() == 1) {
            return Optional.of(marked.get(0).id());
        }
        return meters.size() == 1 && marked.isEmpty() ? Optional.of(meters.get(0).id()) : Optional.empty();
    }

    /**
     * The battery inverter the controller dispatches: the only enabled one. Empty when there is none or
     * several (refused by the loader: the controller cannot dispatch several jointly).
     */
    public Optional<String> battery() {
        List<String> batteries = enabledDevicesWithRole("battery");
        return batteries.size() == 1 ? Optional.of(batteries.get(0)) : Optional.empty();
    }
}
