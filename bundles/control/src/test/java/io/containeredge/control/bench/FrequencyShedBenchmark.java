package io.containeredge.control.bench;

import io.containeredge.control.actuators.PduMap;
import io.containeredge.control.alarm.AlarmRegistry;
import io.containeredge.control.allocation.MinerValue;
import io.containeredge.control.estop.LatchFile;
import io.containeredge.control.grid.FrequencyLimit;
import io.containeredge.control.internal.CycleScheduler;
import io.containeredge.control.limit.LimitSources;
import io.containeredge.control.load.LoadKinds;
import io.containeredge.control.loop.ControlConfig;
import io.containeredge.control.loop.ControlLoop;
import io.containeredge.control.loop.InputMapper;
import io.containeredge.control.maintenance.MaintenanceFile;
import io.containeredge.control.maintenance.MaintenanceSchedule;
import io.containeredge.control.miner.MinerEndpoint;
import io.containeredge.control.miner.MinerFleet;
import io.containeredge.gpio.UnavailableGatewayIo;
import io.containeredge.modbus.image.ProcessImage;
import io.containeredge.modbus.poll.DeviceListener;
import io.containeredge.modbus.poll.PointResolvers;
import io.containeredge.modbus.poll.PollingService;
import io.containeredge.modbus.sunspec.SunSpecModels;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import io.containeredge.site.api.ControlSettings;
import io.containeredge.site.api.FrequencyGuardSettings;
import io.containeredge.site.api.GridSettings;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.MinerFleetConfig;
import io.containeredge.site.api.SimulationConfig;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Under-frequency shedding end to end on loopback: the demo container with 200 simulated miners, the real pollers
 * with the demo's 100 ms frequency poll, the control loop with the {@link FrequencyLimit} run early on meter-main's
 * fresh values (a guarded device, as the control component wires it), and the miner client. A trial injects
 * {@code freq-dip} at a random phase of the poll and the cycle and times until the last miner has its sleep command.
 * Between trials the dip is cleared and the guard restores (after 1 s, unramped, to keep trials short; the shed path
 * does not use them). Usage: {@code deploy/bench/freq-shed.sh [trials]}
 */
public final class FrequencyShedBenchmark {

    /** ERCOT's responsive-reserve relays trip within about half a second. */
    private static final long TARGET_P99_MS = 500;

    private FrequencyShedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        LoadedSite site = benchmarkSite();
        FrequencyGuardSettings demo = site.config().grid().frequency().orElseThrow();
        FrequencyGuardSettings guard = new FrequencyGuardSettings(demo.device(), demo.point(), demo.poll(),
                demo.nominalHz(), demo.thresholdHz(), demo.readings(), demo.shedAll(), demo.shedKw(), demo.hardCut(),
                demo.hysteresisHz(), Duration.ofSeconds(1), Duration.ZERO);
        ProcessImage image = new ProcessImage();
        AtomicReference<Runnable> meterValues = new AtomicReference<>(() -> { });
        DeviceListener freshValues = new DeviceListener() {
            @Override
            public void values(List<PointValue> values) {
                if (values.stream().anyMatch(v -> v.device().equals(guard.device()))) {
                    meterValues.get().run();
                }
            }

            @Override
            public void onlineChanged(String device, boolean online, String reason) {
            }
        };
        try (Simulator sim = Simulator.start(site, SimulatorOptions.defaults().withModbusBasePort(0).withMinerBasePort(0));
                PollingService polling = new PollingService(image, freshValues,
                        p -> PointResolvers.forProfile(p, SunSpecModels.builtIn()))) {
            SiteConfig s = site.config();
            BenchWiring.pollAll(polling, site, sim);
            List<MinerEndpoint> endpoints = BenchWiring.minerEndpoints(s, sim);
            ControlSettings d = ControlSettings.DEFAULTS;
            ControlConfig cfg = ControlConfig.of(s.limits(), new ControlSettings(d.cycle(), d.hysteresisK(),
                    d.curtailKwPerS(), d.safeMinerKw(), d.failSafeHold(), 100_000, d.sleepConfirm(),
                    Duration.ofMillis(500), d.deltaTWarningK(), d.batteryFollow()));
            run(sim, polling, image, s, endpoints, cfg, new FrequencyLimit(guard, () -> 0), trials, meterValues);
        }
    }

    private static void run(Simulator sim, PollingService polling, ProcessImage image, SiteConfig s,
            List<MinerEndpoint> endpoints, ControlConfig cfg, FrequencyLimit guard, int trials,
            AtomicReference<Runnable> meterValues) throws Exception {
        try (MinerFleet fleet = new MinerFleet(endpoints, Duration.ofSeconds(2))) {
            Path data = Files.createTempDirectory("freq-shed-bench");
            ControlLoop loop = new ControlLoop(cfg, new InputMapper(s), new PduMap(s), List.of("cdu"), "battery",
                    () -> image.snapshot(System.currentTimeMillis()), polling::write, ControlLoop.Fleet.of(fleet),
                    new UnavailableGatewayIo("benchmark: no gateway I/O"), new AlarmRegistry(data.resolve("alarms.jsonl")),
                    new MaintenanceSchedule(List.of(), new MaintenanceFile(data.resolve("maintenance.json")),
                            System.currentTimeMillis()), new LatchFile(data.resolve("latches.json")),
                    LimitSources.of(guard), LoadKinds.none(), index -> MinerValue.NONE);
            ScheduledExecutorService cycle = Executors.newSingleThreadScheduledExecutor();
            ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor();
            CycleScheduler cycles = new CycleScheduler(cycle, () -> loop.cycle(System.currentTimeMillis()),
                    cfg.cyclePeriod().toMillis() / 5, System::nanoTime);
            cycles.start(cfg.cyclePeriod().toMillis());
            meterValues.set(cycles::freshValues);
            poll.scheduleWithFixedDelay(fleet::refresh, 0, 200, TimeUnit.MILLISECONDS);
            try {
                long[] latencies = new long[trials];
                Random phase = new Random(11);
                for (int t = 0; t < trials; t++) {
                    BenchWiring.await(() -> BenchWiring.allMiners(sim, true)
                            && "NORMAL".equals(guard.status().state()), 120);
                    // at a random phase of the 100 ms poll and the 250 ms cycle, not in step with them
                    Thread.sleep(phase.nextInt((int) (2 * cfg.cyclePeriod().toMillis())));
                    long t0 = System.nanoTime();
                    sim.inject("freq-dip 59.5 3600");
                    BenchWiring.await(() -> BenchWiring.allMiners(sim, false), 30);
                    latencies[t] = System.nanoTime() - t0;
                    sim.inject("clear");
                }
                FrequencyGuardSettings f = s.grid().frequency().orElseThrow();
                System.out.printf("under-frequency shed, freq-dip -> last of %d miners has its sleep command, %d trials,"
                        + " %d ms frequency poll, %d readings:%n", endpoints.size(), trials, f.poll().toMillis(),
                        f.readings());
                System.out.printf("  %s (target p99 <= %d ms)%n", BenchWiring.percentiles(latencies), TARGET_P99_MS);
                System.out.println("  all trials (ms): " + BenchWiring.all(latencies));
            } finally {
                cycle.shutdownNow();
                poll.shutdownNow();
            }
        }
    }

    /** The demo site (its grid section kept, its AI tenant left out) with 200 miners that sleep and wake in 0.5 s. */
    private static LoadedSite benchmarkSite() throws Exception {
        LoadedSite demo = SiteDocuments.loadBuiltIn("demo-container");
        SiteConfig c = demo.config();
        SimulationConfig sim = c.simulation();
        GridSettings grid = c.grid();
        SiteConfig bench = new SiteConfig(c.site(), c.container(), c.description(), c.connections(), c.devices(),
                new MinerFleetConfig(200, "127.0.0.1", 0, c.miners().ratedPowerW(), c.miners().socketsPerPdu()),
                c.limits(), c.api(), new SimulationConfig(sim.ambientC(), 0.5, 0.5,
                sim.batteryCapacityKwh(), sim.batteryInitialSocPct(), sim.auxiliaryLoadKw()), c.control(),
                Optional.empty(), Optional.empty(), Optional.empty(), grid);
        return new LoadedSite(bench, demo.profilesByDevice(), demo.refused(), demo.source());
    }
}
