package io.containeredge.control.loop;

import io.containeredge.control.actuators.BatteryActuator;
import io.containeredge.control.actuators.CoolingActuator;
import io.containeredge.control.actuators.PduMap;
import io.containeredge.control.actuators.PvExport;
import io.containeredge.control.alarm.AlarmEvent;
import io.containeredge.control.alarm.AlarmRegistry;
import io.containeredge.control.allocation.AllocatorState;
import io.containeredge.control.allocation.Arbiter;
import io.containeredge.control.allocation.FleetMember;
import io.containeredge.control.allocation.MinerAction;
import io.containeredge.control.allocation.MinerAllocator;
import io.containeredge.control.allocation.MinerValue;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.MaintenanceWindow;
import io.containeredge.control.api.MinerCommand;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.estop.IoSupervisor;
import io.containeredge.control.estop.LatchFile;
import io.containeredge.control.estop.Latches;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.limit.LimitSource;
import io.containeredge.control.limit.LimitSources;
import io.containeredge.control.limit.PowerLimit;
import io.containeredge.control.limit.ThermalLimit;
import io.containeredge.control.load.LoadBudget;
import io.containeredge.control.load.LoadKinds;
import io.containeredge.control.load.MinerLoad;
import io.containeredge.control.maintenance.MaintenanceSchedule;
import io.containeredge.control.miner.MinerEndpoint;
import io.containeredge.control.miner.MinerFleet;
import io.containeredge.control.miner.MinerStatus;
import io.containeredge.control.power.BatteryCommand;
import io.containeredge.control.power.BatteryLimits;
import io.containeredge.control.power.BatteryTarget;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One control cycle at a time, the I/O around the pure decisions: snapshot in, the loads' draw, the limit
 * sources (the guards first, then any registered), the arbiter, the load budget and each load kind's
 * allocation, then commands out. Commands are sent asynchronously, so a slow miner or device never
 * holds up the next cycle. Not thread-safe: one thread runs {@link #cycle}; the commands
 * ({@link #requestReset}, {@link #overrideImportCap}, {@link #liftImportCap}) may come from any thread.
 *
 * <p>A device in maintenance ({@link MaintenanceSchedule}) gets no writes: the battery inverter is no
 * longer dispatched (it falls back to its own default when its reversion time runs out, and the power
 * guard counts on the miners alone), the CDU gets no pump or fan raise, a PDU no socket switching, a PV
 * inverter no export cap.
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

    /** People read the times of limits that end on the gateway's clock. */
    private static final ZoneId ZONE = ZoneId.systemDefault();

    private final ControlConfig cfg;
    private final InputMapper mapper;
    private final Supplier<Snapshot> image;
    private final String batteryDevice;
    private final MaintenanceSchedule maintenance;
    private final List<CoolingActuator> cooling;
    private final IoSupervisor io;
    private final AlarmRegistry alarms;
    private final BatteryActuator battery;
    /** The power guard's settings from the site; only the battery's limits and an override vary per cycle. */
    private final PowerConfig sitePower;
    /** Overruns could come every cycle: a few lines a minute. */
    private final LogThrottle logs = new LogThrottle(LogThrottle.DEFAULT_INTERVAL);
    private final LatchFile latches;
    private final ThermalLimit thermal;
    private final PowerLimit power;
    private final MinerLoad miners;
    private final LimitSources limits;
    private final LoadKinds loads;
    private volatile boolean resetRequested;
    private volatile boolean estopResetRequested;
    private volatile CapOverride capOverride;
    /** What a plan asks of the battery each cycle (null: nothing, the guard's rule-based recharge). */
    private volatile Function<Cycle, BatteryTarget> batteryPlan = cycle -> null;
    /** Caps on-site PV at the grid's export limit (none: the site has no planner section or no PV). */
    private volatile PvExport pvExport = PvExport.NONE;
    private volatile ControlStatus status;
    private volatile BatteryCommand batteryCommand = BatteryCommand.idle("no cycle yet");
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
        this(cfg, mapper, pdus, cdus, battery, image, writer, fleet, io, alarms, maintenance, latches,
                LimitSources.none(), LoadKinds.none());
    }

    /**
     * A loop with more limit sources and load kinds than the guards and the miners.
     *
     * @param moreLimits run after the thermal, power and e-stop guards; the arbiter takes the most restrictive
     * @param moreLoads share the budget with the miners ({@link io.containeredge.control.load.LoadBudget})
     */
    public ControlLoop(ControlConfig cfg, InputMapper mapper, PduMap pdus, List<String> cdus, String battery,
            Supplier<Snapshot> image, DeviceWriter writer, Fleet fleet, GatewayIo io, AlarmRegistry alarms,
            MaintenanceSchedule maintenance, LatchFile latches, LimitSources moreLimits, LoadKinds moreLoads) {
        this(cfg, mapper, pdus, cdus, battery, image, writer, fleet, io, alarms, maintenance, latches, moreLimits,
                moreLoads, index -> MinerValue.NONE);
    }

    /**
     * A loop whose miners are valued by economics.
     *
     * @param minerValues each miner's value per kW and economic step, read after the limit sources ran each cycle
     *     (the economic limit among {@code moreLimits} keeps them): the allocator curtails the least valuable first
     */
    public ControlLoop(ControlConfig cfg, InputMapper mapper, PduMap pdus, List<String> cdus, String battery,
            Supplier<Snapshot> image, DeviceWriter writer, Fleet fleet, GatewayIo io, AlarmRegistry alarms,
            MaintenanceSchedule maintenance, LatchFile latches, LimitSources moreLimits, LoadKinds moreLoads,
            IntFunction<MinerValue> minerValues) {
        this.cfg = cfg;
        this.sitePower = PowerConfig.forSite(cfg);
        this.mapper = mapper;
        this.image = image;
        this.cooling = cdus.stream().map(cdu -> new CoolingActuator(cdu, writer)).toList();
        Latches restored = latches.load();
        this.thermal = new ThermalLimit(cfg, restored.thermalTrip() == null ? ThermalState.initial()
                : ThermalState.restoredTrip(restored.thermalTrip()));
        this.io = new IoSupervisor(io, restored.emergencyStop());
        this.power = new PowerLimit(this::powerConfig);
        this.limits = LimitSources.of(LimitSource.hard(thermal::evaluate), LimitSource.hard(power::evaluate),
                LimitSource.hard((in, cycle) -> this.io.evaluate())).and(moreLimits);
        this.miners = new MinerLoad(cfg, pdus, fleet, writer, minerValues);
        this.loads = LoadKinds.of(miners).and(moreLoads);
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

    /**
     * From the next cycle on, the power guard follows what {@code plan} asks of the battery each cycle, within its
     * own rules ({@link BatteryTarget}); where it answers null the guard recharges by its rule as before.
     */
    public void followBatteryPlan(Function<Cycle, BatteryTarget> plan) {
        batteryPlan = plan;
    }

    /** From the next cycle on, {@code limiter} caps the site's PV at its export limit every cycle. */
    public void limitPvExport(PvExport limiter) {
        pvExport = limiter;
    }

    /** What the power guard asked of the battery in the last cycle, and why. */
    public BatteryCommand batteryCommand() {
        return batteryCommand;
    }

    /** Every load kind's blocks of demand above its floor at the last cycle, the miners' first. */
    public List<LoadBudget.Offer> offers() {
        return loads.offers();
    }

    /** What the last cycle committed the loads to ({@link LoadKinds#committedKw}), kW; NaN before the first. */
    public double committedLoadKw() {
        return loads.committedKw();
    }

    /** The import cap in force at a monotonic time: a commanded override while it lasts, else the site's. */
    public double importCapKw(long nowMillis) {
        CapOverride o = capOverride;
        return o != null && o.activeAt(nowMillis) ? o.capKw() : cfg.limits().importCapKw();
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
        Cycle cycle = new Cycle(image.get(), held, wallMillis, nowMillis);
        Snapshot snapshot = cycle.snapshot();
        // the guards limit what the loads' running units draw (what the allocators command); a sleeping miner's
        // few watts are load like the auxiliaries', or the import would stay over a limit by all of them
        LoadKinds.Draw draw = loads.observe(cycle);
        ContainerInputs in = io.withGatewayLeak(mapper.map(snapshot, nowMillis, draw.runningKw(), draw.ratedKw()))
                .withLeavingKw(draw.leavingKw());
        boolean mustAct = thermal.state().tripped() || io.latched() || io.stopCalled()
                || ThermalGuard.tripCause(in.coolingLoops(), cfg) != null;
        if (firstReadings.waiting(in, mustAct, nowMillis)) {
            return; // status stays null: nothing decided yet
        }
        if (resetRequested) {
            resetRequested = false;
            LOG.info(thermal.reset(in.coolingLoops()) ? "trip reset by request"
                    : "trip reset refused: the cause is still present");
        }
        if (estopResetRequested) {
            estopResetRequested = false;
            io.reset();
        }
        Arbiter.Decision decision = limits.decide(in, cycle);
        PowerGuard.Outcome p = power.outcome();
        batteryCommand = p.battery();
        latches.keep(new Latches(thermal.state().latchReason(), io.latched()));
        loads.allocate(decision, draw, cycle);
        for (CoolingActuator cdu : cooling) {
            if (!cycle.isHeld(cdu.device())) {
                cdu.raise(thermal.cooling(), snapshot, nowMillis);
            }
        }
        BatteryActuator.Outcome batteryOutcome = cycle.isHeld(batteryDevice) ? battery.standDown()
                : battery.apply(p.battery(), snapshot, nowMillis);
        List<AlarmCondition> pvCaps = pvExport.run(cycle, in.power().importKw());
        List<AlarmCondition> commLoss = CommLoss.conditions(snapshot, maintenance.devices(), held, nowMillis,
                startedMillis);
        cycles++;
        double millis = (System.nanoTime() - started) / 1e6;
        List<AlarmCondition> present = new ArrayList<>(decision.alarms());
        present.addAll(io.status());
        present.addAll(latches.alarms());
        present.addAll(batteryOutcome.alarms());
        present.addAll(pvCaps);
        present.addAll(loads.alarms());
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
        status = new ControlStatus(wallMillis, thermal.state().stage().name(), decision.maxMinerKw(),
                decision.holdWake(), decision.binding().guard() + ": " + decision.binding().reason(),
                miners.committedKw(), miners.drawKw(), p.allowedImportKw(), batteryOutcome.commandedKw(),
                miners.awake(), miners.total(), miners.unreachable(), cycles, overruns, millis, decision.verdicts(),
                present, List.copyOf(held.values()), decision.limitedBy(ZONE));
    }

    /** The power guard's settings for a cycle: the site's, the battery's limits unless it is in maintenance, an override. */
    private PowerConfig powerConfig(Cycle cycle) {
        PowerConfig site = sitePower.withBattery(cycle.isHeld(batteryDevice) ? BatteryLimits.none()
                : battery.limits(cycle.snapshot()).withPlan(batteryPlan.apply(cycle)));
        CapOverride o = capOverride;
        return o == null ? site : site.withCapOverride(o);
    }
}
