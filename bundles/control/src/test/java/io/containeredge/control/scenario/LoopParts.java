package io.containeredge.control.scenario;

import io.containeredge.control.actuators.PduMap;
import io.containeredge.control.alarm.AlarmRegistry;
import io.containeredge.control.estop.LatchFile;
import io.containeredge.control.loop.ControlConfig;
import io.containeredge.control.loop.ControlLoop;
import io.containeredge.control.loop.InputMapper;
import io.containeredge.control.maintenance.MaintenanceSchedule;
import io.containeredge.gateway.api.DeviceWriter;
import io.containeredge.gpio.api.GatewayIo;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.site.api.SiteConfig;
import java.util.function.Supplier;

/**
 * Everything a scenario hands the {@link ControlLoop} constructor. {@link #newLoop} is the one place a
 * scenario's loop is built: a test that brings its own limit source or load kind passes a
 * {@link Container#loop factory} that builds the loop from these parts and its additions.
 */
public record LoopParts(SiteConfig site, ControlConfig config, Supplier<Snapshot> image, DeviceWriter writer,
        ControlLoop.Fleet fleet, GatewayIo io, AlarmRegistry alarms, MaintenanceSchedule maintenance,
        LatchFile latches) {

    /** The loop as the control component wires it for the site. */
    public ControlLoop newLoop() {
        return new ControlLoop(config, new InputMapper(site), new PduMap(site), site.enabledDevicesWithRole("cdu"),
                site.battery().orElse(null), image, writer, fleet, io, alarms, maintenance, latches);
    }
}
