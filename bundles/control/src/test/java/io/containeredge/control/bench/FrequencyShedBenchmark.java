package io.containeredge.control.bench;

import io.containeredge.control.grid.FrequencyLimit;
import io.containeredge.control.internal.CycleScheduler;
import io.containeredge.control.limit.LimitSources;
import io.containeredge.control.loop.ControlConfig;
import io.containeredge.control.loop.ControlLoop;
import io.containeredge.control.miner.MinerEndpoint;
import io.containeredge.control.miner.MinerFleet;
import io.containeredge.modbus.image.ProcessImage;
import io.containeredge.modbus.poll.PollingService;
import io.containeredge.simulator.Simulator;
import io.containeredge.site.api.FrequencyGuardSettings;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteConfig;
import java.time.Duration;
import java.util.List;
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
        LoadedSite site = BenchWiring.demoWith200Miners();
        FrequencyGuardSettings demo = site.config().grid().frequency().orElseThrow();
        FrequencyGuardSettings guard = new FrequencyGuardSettings(demo.device(), demo.point(), demo.poll(),
                demo.nominalHz(), demo.thresholdHz(), demo.readings(), demo.shedAll(), demo.shedKw(), demo.hardCut(),
                demo.hysteresisHz(), Duration.ofSeconds(1), Duration.ZERO);
        ProcessImage image = new ProcessImage();
        AtomicReference<Runnable> meterValues = new AtomicReference<>(() -> { });
        try (Simulator sim = BenchWiring.simulator(site); PollingService polling = BenchWiring.polling(image,
                BenchWiring.freshValuesOf(guard.device(), meterValues))) {
            SiteConfig s = site.config();
            BenchWiring.pollAll(polling, site, sim);
            run(sim, polling, image, s, BenchWiring.minerEndpoints(s, sim), BenchWiring.controlConfig(s),
                    new FrequencyLimit(guard, () -> 0), trials, meterValues);
        }
    }

    private static void run(Simulator sim, PollingService polling, ProcessImage image, SiteConfig s,
            List<MinerEndpoint> endpoints, ControlConfig cfg, FrequencyLimit guard, int trials,
            AtomicReference<Runnable> meterValues) throws Exception {
        try (MinerFleet fleet = new MinerFleet(endpoints, Duration.ofSeconds(2))) {
            ControlLoop loop = BenchWiring.loop(s, cfg, image, polling, fleet, LimitSources.of(guard));
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
                System.out.printf("under-frequency shed, freq-dip -> last of %d miners has its sleep command,"
                        + " %d trials, %d ms frequency poll, %d readings:%n", endpoints.size(), trials, f.poll().toMillis(),
                        f.readings());
                System.out.printf("  %s (target p99 <= %d ms)%n", BenchWiring.percentiles(latencies), TARGET_P99_MS);
                System.out.println("  all trials (ms): " + BenchWiring.all(latencies));
            } finally {
                cycle.shutdownNow();
                poll.shutdownNow();
            }
        }
    }
}
