package io.containeredge.backtest;

import io.containeredge.control.economics.SiteUnitModels;
import io.containeredge.control.planner.Plan;
import io.containeredge.control.planner.PlanException;
import io.containeredge.control.planner.PlanProblem;
import io.containeredge.control.planner.PlanSlotInput;
import io.containeredge.control.planner.PlanSolver;
import io.containeredge.control.planner.StorageModel;
import io.containeredge.control.planner.ValueCurve;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * {@code plan-bench [N [SEGMENTS [DEMAND]]]}: N solves of the planner's LP at the demo site's size, each with other
 * prices: 192 slots of 15 minutes (48 h), the demo fleet's value curve (its 240 miners of three models at the site's
 * hashprice, at most SEGMENTS segments), a 500 kWh / 250 kW battery, a 300 kW PV profile, a demand charge of DEMAND
 * USD/kW (default 12; 0 leaves the LP's 192 peak rows out, as on a site without one). Prints the solve times (p50,
 * p99, max), the bytes one solve allocates, and the heap the solver keeps after a collection (with the last plan
 * held) above what it was before the first solve.
 */
final class PlanBenchmark {

    static final String COMMAND = "plan-bench";
    private static final int SLOTS = 192;
    private static final Duration SLOT = Duration.ofMinutes(15);
    private static final double PV_PEAK_KW = 300;
    private static final double FIRM_KW = 120;
    private static final double MB = 1024 * 1024;
    private static final StorageModel BATTERY = new StorageModel(500, 20, 95, 250, 250, 0.9, 8);

    private PlanBenchmark() {
    }

    static void run(String[] args, PrintStream out) throws ConfigException, PlanException {
        int solves = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int segments = args.length > 1 ? Integer.parseInt(args[1]) : ValueCurve.MAX_SEGMENTS;
        double demandUsdPerKw = args.length > 2 ? Double.parseDouble(args[2]) : 12;
        if (solves < 1) {
            throw new IllegalArgumentException("plan-bench [N [SEGMENTS [DEMAND]]]: N is the number of solves, "
                    + "1 or more");
        }
        SiteConfig site = SiteDocuments.loadBuiltIn("demo-container").config();
        double hashprice = site.economics().map(e -> e.hashprice().usdPerThDay() * (1 - e.hashprice().poolFee()))
                .orElseThrow(() -> new IllegalStateException("the demo site has no economics section"));
        ValueCurve curve = ValueCurve.of(SiteUnitModels.of(site).values(), hashprice, segments);
        double capKw = site.limits().importCapKw();
        PlanSolver solver = new PlanSolver(Duration.ofSeconds(10));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        out.printf(Locale.ROOT, "plan-bench: %d slots x %d min, %d value segments (%.0f kW of miners), battery "
                + "%.0f kWh / %.0f kW, PV %.0f kW peak, demand charge %.0f USD/kW, %d solves%n", SLOTS,
                SLOT.toMinutes(), curve.segments().size(), curve.maxKw(), BATTERY.capacityKwh(),
                BATTERY.maxChargeKw(), PV_PEAK_KW, demandUsdPerKw, solves);
        long before = usedAfterGc(memory);
        // the first solve loads ojAlgo's classes: timed apart
        long firstStart = System.nanoTime();
        solver.solve(problem(new Random(-1), curve, capKw, demandUsdPerKw), Optional.empty());
        double firstMillis = (System.nanoTime() - firstStart) / 1e6;
        double[] millis = new double[solves];
        long[] allocated = new long[solves];
        Plan last = null;
        for (int n = 0; n < solves; n++) {
            PlanProblem problem = problem(new Random(n), curve, capKw, demandUsdPerKw);
            long bytes = threads.getThreadAllocatedBytes(thread);
            long start = System.nanoTime();
            last = solver.solve(problem, Optional.ofNullable(last));
            millis[n] = (System.nanoTime() - start) / 1e6;
            allocated[n] = threads.getThreadAllocatedBytes(thread) - bytes;
        }
        long retained = usedAfterGc(memory) - before;
        Arrays.sort(millis);
        Arrays.sort(allocated);
        out.printf(Locale.ROOT, "solve ms: p50 %.1f, p99 %.1f, max %.1f (the first, loading the solver: %.0f)%n",
                percentile(millis, 50), percentile(millis, 99), millis[solves - 1], firstMillis);
        out.printf(Locale.ROOT, "allocated per solve MB: p50 %.1f, max %.1f; heap in use after GC MB: %.1f before the "
                + "first solve, %+.1f after the last (its plan held)%n", allocated[solves / 2] / MB,
                allocated[solves - 1] / MB, before / MB, retained / MB);
        out.printf(Locale.ROOT, "last plan: %.0f USD over 48 h, peak import %.0f kW%n", last.objectiveUsd(),
                last.peakImportKw());
    }

    /** 48 h of prices around a daily shape (cheap nights, a midday dip that goes negative some days), seeded. */
    private static PlanProblem problem(Random r, ValueCurve curve, double capKw, double demandUsdPerKw) {
        List<PlanSlotInput> slots = new ArrayList<>();
        double level = 60 + 60 * r.nextDouble();
        for (int t = 0; t < SLOTS; t++) {
            double hour = (t * SLOT.toMinutes() / 60.0) % 24;
            double daylight = Math.max(0, Math.sin(Math.PI * (hour - 6) / 12));
            double price = level + 50 * Math.sin(Math.PI * (hour - 12) / 12) - 90 * daylight * r.nextDouble()
                    + 15 * r.nextGaussian();
            slots.add(new PlanSlotInput(t * SLOT.toMillis(), price, price - 5, PV_PEAK_KW * daylight, FIRM_KW, capKw,
                    curve.maxKw()));
        }
        return new PlanProblem(slots, SLOT, 20 + 60 * r.nextDouble(), BATTERY, curve, 500, demandUsdPerKw, 900);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
