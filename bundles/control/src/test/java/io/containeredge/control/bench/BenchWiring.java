package io.containeredge.control.bench;

import io.containeredge.control.miner.MinerEndpoint;
import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.modbus.poll.PollingService;
import io.containeredge.simulator.Simulator;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.simulator.miner.Miner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
}
