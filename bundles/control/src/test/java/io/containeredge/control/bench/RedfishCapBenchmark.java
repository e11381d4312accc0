package io.containeredge.control.bench;

import io.containeredge.control.rack.GpuReading;
import io.containeredge.control.redfish.RedfishFleet;
import io.containeredge.modbus.time.MonotonicClock;
import io.containeredge.simulator.redfish.GpuBmcs;
import io.containeredge.simulator.redfish.GpuSimulation;
import io.containeredge.site.api.AiSettings;
import io.containeredge.site.api.AiSettings.Auth;
import io.containeredge.site.api.AiSettings.GpuServer;
import io.containeredge.site.api.AiSettings.Trust;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Cap round trip over Redfish with 20 simulated GPU servers (HTTPS on loopback, half Controls, half PowerControl,
 * session login, CA file trust, the site's default 1 s poll): every trial caps all servers at once, alternately to
 * 60 % and 90 % of rated, and times each server from the cap's write to the first reading within 2 % of its new level
 * (the cap, or what the workload draws when that is lower, as in a checkpoint pause; the BMC's settle and the poll
 * included), and the PATCH alone. Also the Redfish client's CPU (its own threads)
 * and heap while polling.
 * Usage: {@code deploy/bench/redfish-caps.sh [trials]}
 */
public final class RedfishCapBenchmark {

    private static final int SERVERS = 20;
    private static final double RATED = 10_200;
    private static final MonotonicClock CLOCK = MonotonicClock.system();

    private RedfishCapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dataDir = Files.createTempDirectory("redfish-bench");
        GpuSimulation simulation = GpuSimulation.defaults().withSwing(0, Duration.ofSeconds(10));
        long start = System.nanoTime();
        LongSupplier simMillis = () -> (System.nanoTime() - start) / 1_000_000L;
        try (GpuBmcs bmcs = GpuBmcs.start(site(List.of()), simulation, 1, System.currentTimeMillis(), ZoneOffset.UTC,
                simMillis)) {
            Files.writeString(dataDir.resolve("credentials"), simulation.credentialsLine());
            Files.writeString(dataDir.resolve("ca.pem"), bmcs.certificate().pem());
            List<Integer> ports = bmcs.all().stream().map(b -> b.port()).toList();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            try (RedfishFleet fleet = RedfishFleet.forSite(site(ports), dataDir, CLOCK)) {
                awaitAll(fleet, r -> r.fresh(CLOCK.millis(), 2_000), 10_000);
                System.gc();
                long heapAfter = memory.getHeapMemoryUsage().getUsed();
                long cpuBefore = clientCpuNanos();
                long idleStart = CLOCK.millis();
                // 10 s of polling alone; shorter in a smoke run
                Thread.sleep(Math.min(10_000, trials * 2_000L));
                double cpuPct = (clientCpuNanos() - cpuBefore) / 1e6 / (CLOCK.millis() - idleStart) * 100;
                List<Long> roundTrips = new ArrayList<>();
                List<Long> patches = new ArrayList<>();
                for (int t = 0; t < trials; t++) {
                    trial(fleet, bmcs, simMillis, t % 2 == 0 ? 0.6 * RATED : 0.9 * RATED, roundTrips, patches);
                }
                System.out.printf(Locale.ROOT, "redfish cap round trip, %d servers, %d trials (%d caps), poll 1 s:%n",
                        SERVERS, trials, roundTrips.size());
                System.out.printf(Locale.ROOT, "  PATCH -> reading within 2 %% of the new level: p50 %d ms, p99 %d ms, max %d ms%n",
                        pct(roundTrips, 50), pct(roundTrips, 99), pct(roundTrips, 100));
                System.out.printf(Locale.ROOT, "  PATCH answered: p50 %d ms, p99 %d ms%n", pct(patches, 50),
                        pct(patches, 99));
                System.out.printf(Locale.ROOT, "  client CPU while polling 20 BMCs every 1 s: %.2f %% of one core;"
                        + " client heap after GC %.1f MB%n", cpuPct, (heapAfter - heapBefore) / 1e6);
            }
        }
    }

    private static void trial(RedfishFleet fleet, GpuBmcs bmcs, LongSupplier simMillis, double capW,
            List<Long> roundTrips, List<Long> patches) throws Exception {
        long sent = CLOCK.millis();
        List<CompletableFuture<Long>> written = new ArrayList<>();
        for (int i = 1; i <= SERVERS; i++) {
            written.add(fleet.cap(id(i), capW).thenApply(v -> CLOCK.millis() - sent));
        }
        for (var w : written) {
            patches.add(w.get());
        }
        long[] reached = new long[SERVERS];
        Arrays.fill(reached, -1);
        long deadline = sent + 10_000;
        int left = SERVERS;
        while (left > 0 && CLOCK.millis() < deadline) {
            List<GpuReading> readings = fleet.readings();
            for (int i = 0; i < SERVERS; i++) {
                GpuReading r = readings.get(i);
                double level = Math.min(capW, bmcs.bmc(r.id()).model().workloadW(simMillis.getAsLong()));
                if (reached[i] < 0 && r.readAtMillis() > sent && Math.abs(r.drawW() - level) <= 0.02 * level) {
                    reached[i] = r.readAtMillis() - sent;
                    roundTrips.add(reached[i]);
                    left--;
                }
            }
            Thread.sleep(5);
        }
        if (left > 0) {
            throw new IllegalStateException(left + " servers did not reach " + capW + " W within 10 s");
        }
    }

    private static void awaitAll(RedfishFleet fleet, Predicate<GpuReading> p, long millis)
            throws InterruptedException {
        long deadline = CLOCK.millis() + millis;
        while (!fleet.readings().stream().allMatch(p)) {
            if (CLOCK.millis() > deadline) {
                throw new IllegalStateException("not every BMC was read: " + fleet.readings());
            }
            Thread.sleep(20);
        }
    }

    /** CPU of the client's own threads: its poller and HTTP executor, and the JDK HTTP client's selector. */
    private static long clientCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("redfish-")
                    || info.getThreadName().startsWith("HttpClient-"))) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static String id(int i) {
        return String.format(Locale.ROOT, "gpu-%02d", i);
    }

    /** The servers at the given ports (0: ephemeral, for the simulator to bind). */
    private static AiSettings site(List<Integer> ports) {
        List<GpuServer> servers = new ArrayList<>();
        for (int i = 1; i <= SERVERS; i++) {
            int port = ports.isEmpty() ? 0 : ports.get(i - 1);
            servers.add(new GpuServer(id(i), URI.create("https://127.0.0.1:" + port), "1", RATED, Auth.SESSION,
                    "credentials", new Trust(Optional.empty(), Optional.of("ca.pem"))));
        }
        AiSettings.Contract contract = new AiSettings.Contract(100, 100, 150, 40, Duration.ofMinutes(5));
        return new AiSettings(List.of(new AiSettings.Tenant("bench", contract, servers)), AiSettings.DEFAULT_POLL,
                AiSettings.DEFAULT_REQUEST_TIMEOUT, AiSettings.DEFAULT_CAP_SETTLE);
    }
}
