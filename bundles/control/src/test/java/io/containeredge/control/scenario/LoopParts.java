package io.containeredge.control.scenario;

import io.containeredge.control.actuators.PduMap;
import io.containeredge.control.alarm.AlarmRegistry;
import io.containeredge.control.allocation.MinerValue;
import io.containeredge.control.estop.LatchFile;
import io.containeredge.control.limit.LimitSources;
import io.containeredge.control.load.LoadKinds;
import io.containeredge.control.loop.ControlConfig;
import io.containeredge.control.loop.ControlLoop;
import io.containeredge.control.loop.InputMapper;
import io.containeredge.control.maintenance.MaintenanceSchedule;
import io.containeredge.gateway.api.DeviceWriter;
import io.containeredge.gpio.api.GatewayIo;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.site.api.SiteConfig;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Everything a scenario hands the {@link ControlLoop} constructor. {@link #newLoop} is the one place a
 * scenario's loop is built; the limit sources and load kinds a test registers with
 * {@link Container#with(io.containeredge.control.limit.LimitSource) Container.with} come in {@code moreLimits}
 * and {@code moreLoads}, the miners' values of a source that prices them in {@code minerValues}.
 */
public record LoopParts(SiteConfig site, ControlConfig config, Supplier<Snapshot> image, DeviceWriter writer,
        ControlLoop.Fleet fleet, GatewayIo io, AlarmRegistry alarms, MaintenanceSchedule maintenance,
        LatchFile latches, LimitSources moreLimits, LoadKinds moreLoads, IntFunction<MinerValue> minerValues) {

    /** The loop as the control component wires it for the site, with the test's sources and loads. */
    public ControlLoop newLoop() {
        return new ControlLoop(config, new InputMapper(site), new PduMap(site), site.enabledDevicesWithRole("cdu"),
                site.battery().orElse(null), image, writer, fleet, io, alarms, maintenance, latches, moreLimits,
                moreLoads, minerValues);
    }
}
