package io.containeredge.control.loop;

import io.containeredge.control.actuators.BatteryActuator;
import io.containeredge.control.actuators.CoolingActuator;
import io.containeredge.control.actuators.PduMap;
import io.containeredge.control.alarm.AlarmEvent;
import io.containeredge.control.alarm.AlarmRegistry;
import io.containeredge.control.allocation.AllocatorState;
import io.containeredge.control.allocation.Arbiter;
import io.containeredge.control.allocation.FleetMember;
import io.containeredge.control.allocation.MinerAction;
import io.containeredge.control.allocation.MinerAllocator;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.MaintenanceWindow;
import io.containeredge.control.api.MinerCommand;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.estop.IoSupervisor;
import io.containeredge.control.estop.LatchFile;
import io.containeredge.control.estop.Latches;
import io.containeredge.control.maintenance.MaintenanceSchedule;
import io.containeredge.control.miner.MinerEndpoint;
import io.containeredge.control.miner.MinerFleet;
import io.containeredge.control.miner.MinerMode;
import io.containeredge.control.miner.MinerStatus;
import io.containeredge.control.power.BatteryLimits;
import io.containeredge.control.power.CapOverride;
import io.containeredge.control.power.PowerConfig;
import io.containeredge.control.power.PowerGuard;
import io.containeredge.control.power.PowerState;
import io.containeredge.control.thermal.ThermalGuard;
import io.containeredge.control.thermal.ThermalState;
import io.containeredge.gateway.api.DeviceWriter;
import io.containeredge.gpio.api.GatewayIo;
import io.containeredge.modbus.image.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One control cycle at a time, the I/O around the pure decisions: snapshot in, guards, arbiter and
 * allocator, then commands out. Commands are sent asynchronously, so a slow miner or device never
 * holds up the next cycle. Not thread-safe: one thread runs {@link #cycle}; the commands
 * ({@link #requestReset}, {@link #overrideImportCap}, {@link #liftImportCap}) may come from any thread.
 *
 * <p>A device in maintenance ({@link MaintenanceSchedule}) gets no writes: the battery inverter is no
 * longer dispatched (it falls back to its own default when its reversion time runs out, and the power
 * guard counts on the miners alone), the CDU gets no pump or fan raise, a PDU no socket switching.
 * Its readings are not excused: a stale coolant or meter reading from a device in maintenance still
 * puts the guards in their fail-safe state. Only its comm-loss alarm is lowered (see {@link CommLoss}).
 *
 * <p>Two clocks: every age and duration the guards, the allocator and the actuators use (rates, fail-safe
 * holds, sleep-confirm and PDU-cut timers, the comm-loss grace, cap override expiry) is on the monotonic
 * clock, so a wall-clock step can neither raise a limit nor end a hold early; the wall clock only stamps
 * what people read (status, alarms) and runs the maintenance windows, which survive restarts.
 */
public final class ControlLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ControlLoop.class);

    /** The miner fleet as the loop uses it. */
    public interface Fleet {
        /** Every miner's endpoint (nameplate power, priority) by index. */
        Map<Integer, MinerEndpoint> endpoints();

        List<MinerStatus> statuses();

        CompletableFuture<List<CommandOutcome>> execute(List<MinerCommand> commands);

        /** The fleet as the loop needs it, from the miner client. */
        static Fleet of(MinerFleet fleet) {
            Map<Integer, MinerEndpoint> byIndex = fleet.endpoints().stream().collect(Collectors.toUnmodifiableMap(
                    MinerEndpoint::index, e -> e));
            return new Fleet() {
                @Override
                public Map<Integer, MinerEndpoint> endpoints() {
                    return byIndex;
                }

                @Override
                public List<MinerStatus> statuses() {
                    return fleet.statuses();
                }

                @Override
                public CompletableFuture<List<CommandOutcome>> execute(List<MinerCommand> commands) {
                    return fleet.execute(commands);
                }
            };
        }
    }

    private final ControlConfig cfg;
    private final InputMapper mapper;
    private final PduMap pdus;
    private final Supplier<Snapshot> image;
    private final DeviceWriter writer;
    private final Fleet fleet;
    private final String batteryDevice;
    private final MaintenanceSchedule maintenance;
    private final List<CoolingActuator> cooling;
    private final IoSupervisor io;
    private final AlarmRegistry alarms;
    private final BatteryActuator battery;
    /** The power guard's settings from the site; only the battery's limits and an override vary per cycle. */
    private final PowerConfig sitePower;
    /** Lines that could come every cycle (command batches, overruns, command failures): a few a minute each. */
    private final LogThrottle logs = new LogThrottle(LogThrottle.DEFAULT_INTERVAL);
    private final LatchFile latches;
    private PowerState power = PowerState.initial();
    private ThermalState thermal;
    private AllocatorState allocator = AllocatorState.initial();
    private volatile boolean resetRequested;
    private volatile boolean estopResetRequested;
    private volatile CapOverride capOverride;
    private volatile ControlStatus status;
    private long cycles;
    private long overruns;
    /** The first cycle's monotonic time, for the comm-loss start-up grace. */
    private long startedMillis = Long.MIN_VALUE;
    private final FirstReadings firstReadings = new FirstReadings();

    /**
     * @param cdus every CDU whose pump and fan setpoints may be raised
     * @param battery the battery inverter the power guard dispatches, or null
     * @param maintenance the devices in maintenance; its device list is also the one watched for comm loss
     * @param latches where the thermal trip and e-stop latches are kept across restarts; restored here,
     *     before the first cycle
     */
    public ControlLoop(ControlConfig cfg, InputMapper mapper, PduMap pdus, List<String> cdus, String battery,
            Supplier<Snapshot> image, DeviceWriter writer, Fleet fleet, GatewayIo io, AlarmRegistry alarms,
            MaintenanceSchedule maintenance, LatchFile latches) {
        this.cfg = cfg;
        this.sitePower = PowerConfig.forSite(cfg);
        this.mapper = mapper;
        this.pdus = pdus;
        this.image = image;
        this.writer = writer;
        this.fleet = fleet;
        this.cooling = cdus.stream().map(cdu -> new CoolingActuator(cdu, writer)).toList();
        Latches restored = latches.load();
        this.thermal = restored.thermalTrip() == null ? ThermalState.initial()
                : ThermalState.restoredTrip(restored.thermalTrip());
        this.io = new IoSupervisor(io, restored.emergencyStop());
        this.latches = latches;
        this.alarms = alarms;
        this.battery = new BatteryActuator(battery, writer);
        this.batteryDevice = battery;
        this.maintenance = maintenance;
    }

    /**
     * A local reset (console, API): asks for a latched thermal trip and e-stop to be reset at the next
     * cycle; each is refused there while its cause remains (the button still pressed).
     */
    public void requestReset() {
        estopResetRequested = true;
        resetRequested = true;
    }

    /**
     * A remote reset (the cloud): only a thermal trip whose cause is gone. An e-stop needs someone at
     * the container: it is never reset from afar.
     */
    public void requestRemoteReset() {
        resetRequested = true;
    }

    /**
     * Sets an import cap for a while, if {@link CapOverride#commanded} accepts it.
     *
     * @param nowMillis monotonic time, as the cycle's
     * @throws IllegalArgumentException with the reason when refused; nothing changes
     */
    public void overrideImportCap(double capKw, Duration duration, String source, long nowMillis) {
        capOverride = CapOverride.commanded(capKw, duration, cfg.limits().importCapKw(), nowMillis, source);
        LOG.info("import cap {} kW until +{} min, from {}", capKw, duration.toMinutes(), source);
    }

    /**
     * Ends the import cap override: the site's cap applies again from the next cycle, and miners come
     * back at the wake ramp. Nothing else is touched: a thermal trip, an e-stop or a power-guard
     * reduction stays exactly as it is.
     *
     * @return true if an override was in force
     */
    public boolean liftImportCap(String source, long nowMillis) {
        CapOverride lifted = capOverride;
        capOverride = null;
        boolean wasActive = lifted != null && lifted.activeAt(nowMillis);
        if (wasActive) {
            LOG.info("import cap override {} kW ({}) lifted by {}", lifted.capKw(), lifted.source(), source);
        }
        return wasActive;
    }

    /** The last cycle's picture, or null until the loop has decided for the first time (see {@link FirstReadings}). */
    public ControlStatus status() {
        return status;
    }

    /** Runs one cycle with both clocks at {@code nowMillis}: a virtual clock that is never stepped. */
    public void cycle(long nowMillis) {
        cycle(nowMillis, nowMillis);
    }

    /**
     * Runs one cycle.
     *
     * @param wallMillis wall-clock time: status and alarm timestamps, maintenance windows
     * @param nowMillis monotonic time: every age, rate and timer
     */
    public void cycle(long wallMillis, long nowMillis) {
        long started = System.nanoTime();
        if (startedMillis == Long.MIN_VALUE) {
            startedMillis = nowMillis;
        }
        Map<String, MaintenanceWindow> held = maintenance.active(wallMillis);
        boolean batteryHeld = isHeld(held, batteryDevice);
        Snapshot snapshot = image.get();
        List<MinerStatus> statuses = fleet.statuses();
        List<FleetMember> members = new ArrayList<>(statuses.size());
        double minerW = 0;
        double awakeW = 0;
        double ratedW = 0;
        Map<Integer, MinerEndpoint> endpoints = fleet.endpoints();
        for (MinerStatus m : statuses) {
            boolean cut = pdus.isCut(snapshot, m.index());
            MinerEndpoint e = endpoints.get(m.index());
            double nameplate = e != null ? e.ratedW() : m.powerW();
            int priority = e != null ? e.priority() : 0;
            boolean awake = m.mode() == MinerMode.AWAKE && !cut;
            members.add(new FleetMember(m.index(), nameplate, priority, awake, m.reachable(), cut ? 0 : m.powerW(),
                    cut));
            minerW += cut ? 0 : m.powerW();
            awakeW += awake ? m.powerW() : 0;
            ratedW += nameplate;
        }
        // the guards limit the awake miners' draw (what the allocator commands); a sleeping miner's few watts
        // are load like the auxiliaries', or the import would stay over a limit by all of them
        ContainerInputs in = io.withGatewayLeak(mapper.map(snapshot, nowMillis, awakeW / 1000, ratedW / 1000));
        boolean mustAct = thermal.tripped() || io.latched() || io.stopCalled()
                || ThermalGuard.tripCause(in.coolingLoops(), cfg) != null;
        if (firstReadings.waiting(in, mustAct, nowMillis)) {
            return; // status stays null: nothing decided yet
        }
        if (resetRequested) {
            resetRequested = false;
            ThermalState after = ThermalGuard.reset(thermal, in.coolingLoops(), cfg);
            LOG.info(after == thermal ? "trip reset refused: the cause is still present" : "trip reset by request");
            thermal = after;
        }
        if (estopResetRequested) {
            estopResetRequested = false;
            io.reset();
        }
        ThermalGuard.Outcome t = ThermalGuard.evaluate(in, cfg, thermal);
        thermal = t.state();
        PowerConfig powerCfg = sitePower.withBattery(batteryHeld ? BatteryLimits.none() : battery.limits(snapshot));
        PowerGuard.Outcome p = PowerGuard.evaluate(in,
                capOverride == null ? powerCfg : powerCfg.withCapOverride(capOverride), power);
        power = p.state();
        List<Verdict> verdicts = new ArrayList<>(List.of(t.verdict(), p.verdict()));
        verdicts.addAll(io.evaluate());
        latches.keep(new Latches(thermal.latchReason(), io.latched()));
        Arbiter.Decision decision = Arbiter.combine(verdicts);
        MinerAllocator.Outcome a = MinerAllocator.allocate(decision, members, cfg, nowMillis, allocator);
        allocator = a.state();
        act(a.actions(), endpoints, held, decision.binding().guard(), nowMillis);
        for (CoolingActuator cdu : cooling) {
            if (!isHeld(held, cdu.device())) {
                cdu.raise(t.cooling(), snapshot, nowMillis);
            }
        }
        BatteryActuator.Outcome batteryOutcome = batteryHeld ? battery.standDown()
                : battery.apply(p.battery(), snapshot, nowMillis);
        List<AlarmCondition> commLoss = CommLoss.conditions(snapshot, maintenance.devices(), held, nowMillis,
                startedMillis);
        cycles++;
        double millis = (System.nanoTime() - started) / 1e6;
        List<AlarmCondition> present = new ArrayList<>(decision.alarms());
        present.addAll(io.status());
        present.addAll(latches.alarms());
        present.addAll(batteryOutcome.alarms());
        present.addAll(commLoss);
        if (millis > cfg.cyclePeriod().toMillis()) {
            overruns++;
            long heldBack = logs.admit("overrun", true, nowMillis);
            if (heldBack >= 0) {
                LOG.warn("control cycle took {} ms, longer than its {} ms period{}", millis,
                        cfg.cyclePeriod().toMillis(), LogThrottle.heldBack(heldBack));
            }
            present.add(new AlarmCondition("control.overrun", AlarmCondition.Severity.WARNING, "control",
                    "control cycle took " + Math.round(millis) + " ms (period " + cfg.cyclePeriod().toMillis() + " ms)",
                    millis));
        }
        for (AlarmEvent e : alarms.update(present, wallMillis)) {
            LOG.info("alarm {} {} [{}] {}", e.type(), e.alarm().id(), e.alarm().severity(), e.alarm().message());
        }
        io.beacon(alarms.anyActiveCritical());
        long awake = members.stream().filter(FleetMember::awake).count();
        long unreachable = members.stream().filter(m -> !m.reachable()).count();
        status = new ControlStatus(wallMillis, thermal.stage().name(), decision.maxMinerKw(), decision.holdWake(),
                decision.binding().guard() + ": " + decision.binding().reason(), a.committedKw(), minerW / 1000,
                p.allowedImportKw(), batteryOutcome.commandedKw(), awake, members.size(), unreachable, cycles,
                overruns, millis, decision.verdicts(), present, List.copyOf(held.values()));
    }

    private static boolean isHeld(Map<String, MaintenanceWindow> held, String device) {
        return device != null && held.containsKey(device);
    }

    /**
     * @param binding the guard that set the limit: a new one (or a new kind of action) is always logged, the
     *     same one a few times a minute
     */
    private void act(List<MinerAction> actions, Map<Integer, MinerEndpoint> endpoints,
            Map<String, MaintenanceWindow> held, String binding, long nowMillis) {
        List<MinerCommand> commands = new ArrayList<>();
        for (MinerAction action : actions) {
            switch (action.kind()) {
                case SLEEP -> commands.add(MinerCommand.sleep(action.index()));
                case WAKE -> {
                    // a miner keeps its last power target through sleep: wake it at full power
                    commands.add(MinerCommand.wake(action.index()));
                    commands.add(MinerCommand.powerTarget(action.index(), endpoints.get(action.index()).ratedW()));
                }
                case POWER_TARGET -> commands.add(MinerCommand.powerTarget(action.index(), action.targetW()));
                case CUT_POWER, RESTORE_POWER -> switchSocket(action, held);
            }
        }
        if (!commands.isEmpty()) {
            long heldBack = logs.admit("commands", binding + " " + actions.get(0).kind(), nowMillis);
            if (heldBack >= 0) {
                LOG.info("sending {} miner command(s): {}{}", commands.size(), actions.get(0).reason(),
                        LogThrottle.heldBack(heldBack));
            }
            fleet.execute(commands).thenAccept(outcomes -> logFailures(outcomes, nowMillis));
        }
    }

    private void logFailures(List<CommandOutcome> outcomes, long nowMillis) {
        List<CommandOutcome> failed = outcomes.stream().filter(o -> !o.ok()).toList();
        long heldBack = failed.isEmpty() ? -1 : logs.admit("command-failures", true, nowMillis);
        if (heldBack >= 0) {
            LOG.warn("{} miner command(s) failed, first: {} {}{}", failed.size(), failed.get(0).command(),
                    failed.get(0).message(), LogThrottle.heldBack(heldBack));
        }
    }

    private void switchSocket(MinerAction action, Map<String, MaintenanceWindow> held) {
        String pdu = pdus.device(action.index());
        if (pdu == null) {
            LOG.error("miner {} has no PDU socket to switch ({})", action.index(), action.reason());
            return;
        }
        if (isHeld(held, pdu)) {
            LOG.warn("PDU {} is in maintenance: socket of miner {} not switched ({})", pdu, action.index(),
                    action.reason());
            return;
        }
        boolean on = action.kind() == MinerAction.Kind.RESTORE_POWER;
        LOG.warn("{} PDU {} {} for miner {}: {}", on ? "restoring" : "cutting", pdu, pdus.socketPoint(action.index()),
                action.index(), action.reason());
        writer.write(pdu, pdus.socketPoint(action.index()), on).exceptionally(e -> {
            LOG.error("PDU write failed for miner {}: {}", action.index(), e.getMessage());
            return null;
        });
    }
}
