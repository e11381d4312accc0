package io.containeredge.control.internal;

import io.containeredge.control.api.SiteLeaseStatus;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteReport;
import io.containeredge.control.actuators.PduMap;
import io.containeredge.control.actuators.PvExport;
import io.containeredge.control.alarm.AlarmRegistry;
import io.containeredge.control.api.AiStatus;
import io.containeredge.control.api.ComplianceSecond;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.GridStatus;
import io.containeredge.control.api.Alarm;
import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.FleetEfficiency;
import io.containeredge.control.api.EconomicsStatus;
import io.containeredge.control.api.ForecastSlot;
import io.containeredge.control.api.PlanStatus;
import io.containeredge.control.api.HashpriceUpdate;
import io.containeredge.control.api.MaintenanceWindow;
import io.containeredge.control.api.PriceSlot;
import io.containeredge.control.allocation.MinerValue;
import io.containeredge.control.economics.EconomicLimit;
import io.containeredge.control.economics.EconomicUpdates;
import io.containeredge.control.efficiency.EfficiencyWatch;
import io.containeredge.control.economics.EconomicsReport;
import io.containeredge.control.economics.PriceFileWatcher;
import io.containeredge.control.estop.LatchFile;
import io.containeredge.control.limit.LimitSources;
import io.containeredge.control.load.LoadKinds;
import io.containeredge.control.loop.ControlConfig;
import io.containeredge.control.loop.ControlLoop;
import io.containeredge.control.loop.InputMapper;
import io.containeredge.control.maintenance.MaintenanceFile;
import io.containeredge.control.maintenance.MaintenanceSchedule;
import io.containeredge.control.power.PowerConfig;
import io.containeredge.control.redfish.RedfishFleet;
import io.containeredge.control.miner.MinerEndpoint;
import io.containeredge.control.miner.MinerFleet;
import io.containeredge.control.watchdog.SystemdNotifier;
import io.containeredge.gateway.api.ControlHealth;
import io.containeredge.gateway.api.DeviceWriter;
import io.containeredge.gateway.api.ProcessImageService;
import io.containeredge.gateway.api.SiteService;
import io.containeredge.gpio.api.GatewayIo;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.modbus.time.MonotonicClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the control loop on its own thread, every period and as soon as a guarded device's fresh values
 * arrive ({@link CycleScheduler}), and polls the miners on another, so a slow miner poll never delays a cycle. A cycle that throws is logged and the next one runs; an
 * {@link Error} or repeated failures give the controller up through {@link LoopFailSafe}: every miner
 * asleep, a critical alarm, and the systemd watchdog starves so the gateway is restarted.
 */
@Component(service = {ControlService.class, ControlHealth.class}, configurationPid = ControlComponent.PID,
        immediate = true)
@Designate(ocd = ControlConfiguration.class)
public class ControlComponent implements ControlService, ControlHealth {

    public static final String PID = "io.containeredge.control";
    private static final Logger LOG = LoggerFactory.getLogger(ControlComponent.class);
    /** The devices whose fresh values run a cycle at once: what the guards read. */
    private static final List<String> GUARDED_ROLES = List.of("cdu", "transformer", "meter", "battery");
    private static final long PRICE_FILE_CHECK_SECONDS = 5;

    private final MinerFleet fleet;
    private final ControlLoop loop;
    private final AlarmRegistry alarms;
    private final MaintenanceSchedule maintenance;
    private final Watchdog watchdog;
    private final EconomicUpdates economicUpdates;
    private final Optional<EfficiencyWatch> efficiency;
    private final Optional<EconomicsReport> economicsReport;
    private final Optional<SitePlanner> planner;
    private final Optional<SiteAi> ai;
    private final SiteGrid grid;
    private final Optional<SiteCoordination> coordination;
    /** Ages, rates and timers of the loop; the wall clock only stamps what people read. */
    private final MonotonicClock clock = MonotonicClock.system();
    private final CycleHealth health = new CycleHealth(System.nanoTime());
    private final long periodMillis;
    private final LoopFailSafe failSafe;
    private final ScheduledExecutorService cycleThread = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "control-cycle"));
    private final ScheduledExecutorService pollThread = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "miner-poll"));
    private AutoCloseable freshValues = () -> { };

    @Activate
    public ControlComponent(ControlConfiguration config, @Reference SiteService site,
            @Reference ProcessImageService image, @Reference DeviceWriter writer, @Reference GatewayIo io)
            throws IOException {
        SiteConfig s = site.site().config();
        ControlConfig cfg = ControlConfig.of(s.limits(), s.control());
        List<MinerEndpoint> endpoints = MinerFleet.fromSite(s.miners());
        fleet = new MinerFleet(endpoints, Duration.ofMillis(config.miner_timeout_ms()));
        Path data = Files.createDirectories(Path.of(config.data_dir()));
        alarms = new AlarmRegistry(data.resolve("alarms.jsonl"));
        List<String> devices = s.devices().stream().filter(DeviceConfig::enabled).map(DeviceConfig::id).toList();
        maintenance = new MaintenanceSchedule(devices, new MaintenanceFile(data.resolve("maintenance.json")),
                System.currentTimeMillis());
        ControlLoop.Fleet loopFleet = ControlLoop.Fleet.of(fleet);
        Optional<EconomicLimit> economics = EconomicLimit.forSite(s);
        economicUpdates = new EconomicUpdates(economics.map(EconomicLimit::inputs));
        PduMap pdus = new PduMap(s);
        efficiency = SiteEfficiency.watch(s, data, loopFleet, pdus, economics, clock);
        economicsReport = economics.map(EconomicsReport::new);
        planner = SitePlanner.forSite(s, data, economics, PowerConfig.forSite(cfg), clock);
        ai = SiteAi.forSite(s, data, economics, settings -> RedfishFleet.forSite(settings, data, clock));
        double firmKw = ai.map(a -> a.loads().firmFloorKw()).orElse(0.0);
        grid = SiteGrid.forSite(s, data, firmKw);
        coordination = SiteCoordination.forSite(s, data, firmKw);
        loop = new ControlLoop(cfg, new InputMapper(s), pdus, s.enabledDevicesWithRole("cdu"),
                s.battery().orElse(null), image::snapshot, writer, loopFleet, io, alarms, maintenance,
                new LatchFile(data.resolve("latches.json")),
                grid.limits().and(coordination.map(SiteCoordination::limits).orElse(LimitSources.none()))
                        .and(planner.map(SitePlanner::limits).orElse(LimitSources.none()))
                        .and(economics.map(LimitSources::of).orElse(LimitSources.none()))
                        .and(efficiency.map(LimitSources::of).orElse(LimitSources.none())),
                ai.map(SiteAi::loads).orElse(LoadKinds.none()),
                economics.<IntFunction<MinerValue>>map(e -> e::valueOf).orElse(index -> MinerValue.NONE));
        Optional<PvExport> pvExport = PvExport.forSite(s, writer);
        pvExport.ifPresent(loop::limitPvExport);
        grid.follow(economics, pvExport, s);
        loop.followBatteryPlan(grid.battery(planner.map(SitePlanner::batteryPlan).orElse(cycle -> null)));
        watchdog = new Watchdog(SystemdNotifier.fromEnvironment());
        periodMillis = cfg.cyclePeriod().toMillis();
        failSafe = new LoopFailSafe(loopFleet, alarms, clock::millis);
        LOG.info("economics: {}", economics.map(e -> "on, " + e.priced() + " of " + endpoints.size()
                + " miners priced").orElse("off (the site has no economics section)"));
        LOG.info("gateway I/O: {}; alarm journal {}", io.status(), data.resolve("alarms.jsonl").toAbsolutePath());
        pollThread.scheduleWithFixedDelay(failSafe.guarded("miner poll", fleet::refresh), 0, config.miner_poll_ms(),
                TimeUnit.MILLISECONDS);
        economics.ifPresent(e -> watchPriceFile(s, data, e));
        planner.ifPresent(p -> p.start(loop, pollThread, data));
        ai.ifPresent(a -> a.start(pollThread));
        grid.startVen(s, data, this);
        if (config.enabled()) {
            CycleScheduler cycles = new CycleScheduler(cycleThread, failSafe.guarded("control cycle", this::cycle),
                    periodMillis / 5, System::nanoTime);
            Set<String> guarded = Stream.concat(GUARDED_ROLES.stream().flatMap(r -> s.enabledDevicesWithRole(r)
                    .stream()), grid.frequencyDevice().stream()).collect(Collectors.toUnmodifiableSet());
            cycles.start(periodMillis);
            freshValues = image.onFreshValues(device -> {
                if (guarded.contains(device)) {
                    cycles.freshValues();
                }
            });
            LOG.info("control running: every {} ms and on fresh values of {}, {} miners", periodMillis,
                    new TreeSet<>(guarded), endpoints.size());
        } else {
            LOG.warn("control DISABLED by configuration: nothing is curtailed");
        }
    }

    /**
     * The site's local price file, if it names one, checked on the poll thread: file reads never delay a cycle. Not
     * under the fail-safe: a bad price file is refused and alarmed, it never gives the controller up.
     */
    private void watchPriceFile(SiteConfig site, Path data, EconomicLimit economics) {
        site.economics().flatMap(e -> e.priceFile()).map(data::resolve).ifPresent(file -> {
            PriceFileWatcher watcher = new PriceFileWatcher(file, this::updatePrices, economics.inputs(),
                    System::currentTimeMillis);
            pollThread.scheduleWithFixedDelay(watcher::check, 0, PRICE_FILE_CHECK_SECONDS, TimeUnit.SECONDS);
            LOG.info("economics: watching the price file {} every {} s", file, PRICE_FILE_CHECK_SECONDS);
        });
    }

    /** One cycle; only a cycle that completes feeds the watchdog. */
    private void cycle() {
        loop.cycle(System.currentTimeMillis(), clock.millis());
        economicsReport.ifPresent(r -> r.update(fleet.statuses()));
        ControlStatus status = loop.status();
        if (status == null) {
            return; // waiting for the first readings after the start (a few seconds at most)
        }
        watchdog.healthyCycle(status);
        health.completed(status.lastCycleMillis() > periodMillis, System.nanoTime());
    }

    @Override
    public ControlHealth.Sample sample() {
        return health.sample(System.nanoTime());
    }

    @Override
    public ControlStatus status() {
        return loop.status();
    }

    @Override
    public void requestReset() {
        loop.requestReset();
    }

    @Override
    public void requestRemoteReset() {
        loop.requestRemoteReset();
    }

    @Override
    public void overrideImportCap(double capKw, Duration duration, String source) {
        loop.overrideImportCap(capKw, duration, source, clock.millis());
    }

    @Override
    public boolean liftImportCap(String source) {
        return loop.liftImportCap(source, clock.millis());
    }

    @Override
    public void updatePrices(List<PriceSlot> slots, String source) {
        economicUpdates.prices(slots, System.currentTimeMillis());
        LOG.info("economics: {} live price slot(s) from {}", slots.size(), source);
    }

    @Override
    public void updateHashprice(HashpriceUpdate update, String source) {
        economicUpdates.hashprice(update, System.currentTimeMillis());
        LOG.info("economics: hashprice {} USD/TH/day, pool fee {} from {}", update.usdPerThDay(), update.poolFee(),
                source);
    }

    @Override
    public SiteLeaseStatus acceptLease(SiteLease lease, String source) {
        return coordination.orElseThrow(() -> new IllegalArgumentException("this container has no siteLease section:"
                + " it takes no site leases")).accept(lease, source);
    }

    @Override
    public Optional<SiteReport> siteReport() {
        return coordination.flatMap(c -> c.report(loop));
    }

    @Override
    public Optional<SiteLeaseStatus> siteLease() {
        return coordination.map(c -> c.status(loop.status()));
    }

    @Override
    public FleetEfficiency efficiency() {
        return efficiency.map(EfficiencyWatch::report).orElse(FleetEfficiency.NONE);
    }

    @Override
    public Optional<EconomicsStatus> economics() {
        return economicsReport.flatMap(EconomicsReport::latest);
    }

    @Override
    public void updateForecast(List<ForecastSlot> slots, String source) {
        planner.orElseThrow(() -> new IllegalArgumentException("the site has no planner section: a generation"
                + " forecast is not taken (add a planner section to the site configuration)"))
                .updateForecast(slots, source);
    }

    @Override
    public GridEventStatus scheduleEvent(GridEvent event) {
        return grid.schedule(event);
    }

    @Override
    public boolean cancelEvent(String eventId, String source) {
        return grid.cancel(eventId, source);
    }

    @Override
    public void setPeakAlert(boolean on, long untilMillis, String source) {
        grid.setPeakAlert(on, untilMillis, source);
    }

    @Override
    public Optional<GridStatus> grid() {
        return grid.status(loop.status());
    }

    @Override
    public Optional<List<ComplianceSecond>> compliance(String eventId) {
        return grid.compliance(eventId);
    }

    @Override
    public Optional<AiStatus> ai() {
        return ai.flatMap(a -> a.status(loop.status()));
    }

    @Override
    public Optional<PlanStatus> plan() {
        ControlStatus now = loop.status();
        return now == null ? Optional.empty() : planner.map(p -> p.status(now, loop.batteryCommand()));
    }

    @Override
    public MaintenanceWindow setMaintenance(String device, Duration duration, String source) {
        return maintenance.start(device, duration, source, System.currentTimeMillis());
    }

    @Override
    public boolean endMaintenance(String device, String source) {
        return maintenance.end(device, source, System.currentTimeMillis());
    }

    @Override
    public List<MaintenanceWindow> maintenance() {
        return List.copyOf(maintenance.active(System.currentTimeMillis()).values());
    }

    @Override
    public List<CommandOutcome> recentCommands() {
        return fleet.recentOutcomes();
    }

    @Override
    public List<Alarm> activeAlarms() {
        return alarms.active();
    }

    @Override
    public List<Alarm> alarmHistory(int max) {
        return alarms.history(max);
    }

    @Override
    public boolean acknowledge(String alarmId, String who) {
        return alarms.acknowledge(alarmId, who, System.currentTimeMillis()).isPresent();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Deactivate
    void deactivate() {
        grid.close();
        try {
            freshValues.close();
        } catch (Exception e) {
            LOG.warn("fresh-values subscription not closed: {}", e.toString());
        }
        pollThread.shutdownNow();
        planner.ifPresent(SitePlanner::close);
        // not interrupted: a cycle writing the latch file finishes it, so the component that follows
        // (a configuration apply restarts this one) reads the latches as they last were
        cycleThread.shutdown();
        try {
            if (!cycleThread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("control cycle still running 5 s after stop: interrupted");
                cycleThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            cycleThread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        efficiency.ifPresent(e -> e.close(clock.millis()));
        ai.ifPresent(SiteAi::close);
        watchdog.close();
        fleet.close();
        try {
            alarms.close();
        } catch (IOException e) {
            LOG.warn("alarm journal did not close cleanly: {}", e.getMessage());
        }
    }
}
