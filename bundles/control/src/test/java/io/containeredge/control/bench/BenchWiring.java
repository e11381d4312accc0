package io.containeredge.control.bench;

import io.containeredge.control.actuators.PduMap;
import io.containeredge.control.alarm.AlarmRegistry;
import io.containeredge.control.allocation.MinerValue;
import io.containeredge.control.estop.LatchFile;
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
import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.modbus.image.ProcessImage;
import io.containeredge.modbus.poll.DeviceListener;
import io.containeredge.modbus.poll.PointResolvers;
import io.containeredge.modbus.poll.PollingService;
import io.containeredge.modbus.sunspec.SunSpecModels;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import io.containeredge.simulator.miner.Miner;
import io.containeredge.site.api.ControlSettings;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.MinerFleetConfig;
import io.containeredge.site.api.SimulationConfig;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** The benchmarks' gateway side against an in-process simulator: its devices polled, its miners as endpoints. */
final class BenchWiring {

    private BenchWiring() {
    }

    /** Polls every device of the site where the simulator serves it. */
    static void pollAll(PollingService polling, LoadedSite site, Simulator sim) {
        SiteConfig s = site.config();
        for (DeviceConfig d : s.devices()) {
            ConnectionConfig c = s.connection(d.connection()).orElseThrow();
            polling.addDevice(d, site.profileOf(d.id()), c.at("127.0.0.1", sim.port(c.id())));
        }
    }

    /** Every simulated miner as the miner client reaches it, at the fleet's rated power. */
    static List<MinerEndpoint> minerEndpoints(SiteConfig s, Simulator sim) {
        List<MinerEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < s.miners().count(); i++) {
            endpoints.add(new MinerEndpoint(i, "127.0.0.1", sim.minerPort(i), s.miners().ratedPowerW()));
        }
        return endpoints;
    }

    /** Whether every simulated miner hashes, or every one is asleep or going to sleep (it has its sleep command). */
    static boolean allMiners(Simulator sim, boolean hashing) {
        for (int i = 0; i < sim.model().minerCount(); i++) {
            Miner.State st = sim.model().miner(i).state();
            boolean asleepOrGoing = st == Miner.State.GOING_TO_SLEEP || st == Miner.State.SLEEPING;
            if (hashing ? st != Miner.State.HASHING : !asleepOrGoing) {
                return false;
            }
        }
        return true;
    }

    /** Waits, polling every half millisecond, until the condition holds; a benchmark failure after {@code seconds}. */
    static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("benchmark condition not reached within " + seconds + " s");
            }
            Thread.sleep(0, 500_000);
        }
    }

    /** "p50 .. ms, p99 .. ms, max .. ms" of latencies in nanoseconds. */
    static String percentiles(long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms, max %.0f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** Every latency in whole milliseconds, for the record. */
    static String all(long[] latencies) {
        return Arrays.stream(latencies).mapToObj(l -> String.valueOf(l / 1_000_000)).collect(Collectors.joining(" "));
    }

    /**
     * Runs what {@code early} holds (set once the loop exists) whenever values of {@code device} arrive: a guarded
     * device's fresh values run a cycle at once, as the control component wires it.
     */
    static DeviceListener freshValuesOf(String device, AtomicReference<Runnable> early) {
        return new DeviceListener() {
            @Override
            public void values(List<PointValue> values) {
                if (values.stream().anyMatch(v -> v.device().equals(device))) {
                    early.get().run();
                }
            }

            @Override
            public void onlineChanged(String id, boolean online, String reason) {
            }
        };
    }

    /** The pollers as the gateway runs them, into {@code image}. */
    static PollingService polling(ProcessImage image, DeviceListener listener) {
        return new PollingService(image, listener, p -> PointResolvers.forProfile(p, SunSpecModels.builtIn()));
    }

    /** The simulator on free ports. */
    static Simulator simulator(LoadedSite site) throws Exception {
        return Simulator.start(site, SimulatorOptions.defaults().withModbusBasePort(0).withMinerBasePort(0));
    }

    /** The defaults, with a wake ramp that never holds a trial back and a short dwell (the shed path uses neither). */
    static ControlConfig controlConfig(SiteConfig s) {
        ControlSettings d = ControlSettings.DEFAULTS;
        return ControlConfig.of(s.limits(), new ControlSettings(d.cycle(), d.hysteresisK(), d.curtailKwPerS(),
                d.safeMinerKw(), d.failSafeHold(), 100_000, d.sleepConfirm(), Duration.ofMillis(500),
                d.deltaTWarningK(), d.batteryFollow()));
    }

    /** The control loop as the control component builds it, its files in a scratch directory, with {@code more}. */
    static ControlLoop loop(SiteConfig s, ControlConfig cfg, ProcessImage image, PollingService polling,
            MinerFleet fleet, LimitSources more) throws IOException {
        Path data = Files.createTempDirectory("control-bench");
        return new ControlLoop(cfg, new InputMapper(s), new PduMap(s), List.of("cdu"), "battery",
                () -> image.snapshot(System.currentTimeMillis()), polling::write, ControlLoop.Fleet.of(fleet),
                new UnavailableGatewayIo("benchmark: no gateway I/O"), new AlarmRegistry(data.resolve("alarms.jsonl")),
                new MaintenanceSchedule(List.of(), new MaintenanceFile(data.resolve("maintenance.json")),
                        System.currentTimeMillis()), new LatchFile(data.resolve("latches.json")), more,
                LoadKinds.none(), index -> MinerValue.NONE);
    }

    /**
     * The demo site with 200 miners that sleep and wake in half a second, to keep trials short; its AI tenant left
     * out (no BMCs to serve), its grid section kept.
     */
    static LoadedSite demoWith200Miners() throws Exception {
        LoadedSite demo = SiteDocuments.loadBuiltIn("demo-container");
        SiteConfig c = demo.config();
        SimulationConfig sim = c.simulation();
        SiteConfig bench = new SiteConfig(c.site(), c.container(), c.description(), c.connections(), c.devices(),
                new MinerFleetConfig(200, "127.0.0.1", 0, c.miners().ratedPowerW(), c.miners().socketsPerPdu()),
                c.limits(), c.api(), new SimulationConfig(sim.ambientC(), 0.5, 0.5,
                sim.batteryCapacityKwh(), sim.batteryInitialSocPct(), sim.auxiliaryLoadKw()), c.control(),
                Optional.empty(), Optional.empty(), Optional.empty(), c.grid());
        return new LoadedSite(bench, demo.profilesByDevice(), demo.refused(), demo.source());
    }
}
