package io.containeredge.control.bench;

import io.containeredge.control.internal.CycleScheduler;
import io.containeredge.control.limit.LimitSources;
import io.containeredge.control.loop.ControlConfig;
import io.containeredge.control.loop.ControlLoop;
import io.containeredge.control.miner.MinerEndpoint;
import io.containeredge.control.miner.MinerFleet;
import io.containeredge.modbus.image.ProcessImage;
import io.containeredge.modbus.poll.PollingService;
import io.containeredge.simulator.Simulator;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reaction latency end to end on loopback: the demo container with 200 simulated miners, the real
 * pollers, control loop and miner client at the default 250 ms cycle, run early on the CDU's fresh values
 * as the control component runs it. A trial injects a pump stop in
 * the simulator and times until the last miner has received its sleep command. Between trials the
 * pump is restarted, the trip reset and every miner woken (with a short dwell, which the shed path
 * does not use). Also reports the CPU time of one control cycle.
 * Usage: {@code deploy/bench/reaction.sh [trials]}
 */
public final class ReactionBenchmark {

    /** Cycles left out of the steady-state CPU figures: the JIT compiles the cycle's code meanwhile. */
    private static final int WARM_UP_CYCLES = 100;

    private ReactionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        LoadedSite site = BenchWiring.demoWith200Miners();
        ProcessImage image = new ProcessImage();
        AtomicReference<Runnable> cduValues = new AtomicReference<>(() -> { });
        try (Simulator sim = BenchWiring.simulator(site);
                PollingService polling = BenchWiring.polling(image, BenchWiring.freshValuesOf("cdu", cduValues))) {
            SiteConfig s = site.config();
            BenchWiring.pollAll(polling, site, sim);
            run(sim, polling, image, s, BenchWiring.minerEndpoints(s, sim), BenchWiring.controlConfig(s), trials,
                    cduValues);
        }
    }

    private static void run(Simulator sim, PollingService polling, ProcessImage image, SiteConfig s,
            List<MinerEndpoint> endpoints, ControlConfig cfg, int trials, AtomicReference<Runnable> cduValues)
            throws Exception {
        try (MinerFleet fleet = new MinerFleet(endpoints, Duration.ofSeconds(2))) {
            ControlLoop loop = BenchWiring.loop(s, cfg, image, polling, fleet, LimitSources.none());
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            List<Long> cycleCpu = java.util.Collections.synchronizedList(new ArrayList<>());
            ScheduledExecutorService cycle = Executors.newSingleThreadScheduledExecutor();
            ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor();
            CycleScheduler cycles = new CycleScheduler(cycle, () -> {
                long cpu = threads.getCurrentThreadCpuTime();
                loop.cycle(System.currentTimeMillis());
                cycleCpu.add(threads.getCurrentThreadCpuTime() - cpu);
            }, cfg.cyclePeriod().toMillis() / 5, System::nanoTime);
            cycles.start(cfg.cyclePeriod().toMillis());
            cduValues.set(cycles::freshValues);
            poll.scheduleWithFixedDelay(fleet::refresh, 0, 200, TimeUnit.MILLISECONDS);
            try {
                long[] latencies = new long[trials];
                java.util.Random phase = new java.util.Random(7);
                for (int t = 0; t < trials; t++) {
                    BenchWiring.await(() -> BenchWiring.allMiners(sim, true) && "NORMAL".equals(stage(loop)), 120);
                    // inject at a random phase of the poll and control cycles, not in step with them
                    Thread.sleep(phase.nextInt((int) (2 * cfg.cyclePeriod().toMillis())));
                    long t0 = System.nanoTime();
                    sim.inject("pump-stop");
                    BenchWiring.await(() -> BenchWiring.allMiners(sim, false), 30);
                    latencies[t] = System.nanoTime() - t0;
                    sim.inject("clear");
                    BenchWiring.await(() -> image.snapshot(System.currentTimeMillis()).get("cdu", "flow").asDouble() > cfg.minFlowM3h(), 30);
                    while (!"NORMAL".equals(stage(loop))) {
                        loop.requestReset();
                        Thread.sleep(300);
                    }
                }
                report(latencies, cycleCpu, cfg, endpoints.size());
            } finally {
                cycle.shutdownNow();
                poll.shutdownNow();
            }
        }
    }

    private static void report(long[] latencies, List<Long> cycleCpu, ControlConfig cfg, int miners) {
        System.out.printf("reaction, pump stop -> last of %d miners has its sleep command, %d trials, %d ms cycle:%n",
                miners, latencies.length, cfg.cyclePeriod().toMillis());
        System.out.printf("  %s (target p99 < 2 cycles + command time = %d ms + command time)%n",
                BenchWiring.percentiles(latencies), 2 * cfg.cyclePeriod().toMillis());
        System.out.println("  all trials (ms): " + BenchWiring.all(latencies));
        long[] cpu;
        synchronized (cycleCpu) {
            cpu = cycleCpu.stream().mapToLong(Long::longValue).toArray();
        }
        System.out.printf("CPU per control cycle with %d miners: %.3f ms (%d cycles)%n", miners,
                Arrays.stream(cpu).average().orElse(0) / 1e6, cpu.length);
        // the mean above carries the JIT's warm-up (the first cycles run interpreted); the cycles after it
        // are what a gateway spends for months
        long[] steady = Arrays.copyOfRange(cpu, Math.min(WARM_UP_CYCLES, cpu.length), cpu.length);
        Arrays.sort(steady);
        if (steady.length > 0) {
            System.out.printf("  after the first %d cycles: median %.3f ms, p99 %.3f ms%n", WARM_UP_CYCLES,
                    steady[steady.length / 2] / 1e6, steady[(int) Math.ceil(steady.length * 0.99) - 1] / 1e6);
        }
    }

    private static String stage(ControlLoop loop) {
        return loop.status() == null ? "" : loop.status().thermalStage();
    }
}
