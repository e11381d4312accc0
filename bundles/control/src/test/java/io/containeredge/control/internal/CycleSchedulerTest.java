package io.containeredge.control.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cycles on fresh guard values, with the period as the floor and a least gap between cycles. */
class CycleSchedulerTest {

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    private final List<Long> starts = new CopyOnWriteArrayList<>();
    private final CycleScheduler scheduler = new CycleScheduler(thread, () -> starts.add(System.nanoTime()), 50,
            System::nanoTime);

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void freshValuesRunACycleAtOnceInsteadOfWaitingForThePeriod() throws Exception {
        scheduler.start(10_000);
        long asked = System.nanoTime();
        scheduler.freshValues();
        awaitStarts(1);
        assertTrue(starts.get(0) - asked < TimeUnit.MILLISECONDS.toNanos(40), "the cycle ran within the poll's wake");
    }

    @Test
    void aBurstOfFreshValuesRunsFewCyclesEachAtLeastTheGapApart() throws Exception {
        scheduler.start(10_000);
        for (int i = 0; i < 200; i++) {
            scheduler.freshValues();
            Thread.sleep(1);
        }
        Thread.sleep(150);
        assertTrue(starts.size() >= 2 && starts.size() <= 8, "cycles: " + starts.size());
        for (int i = 1; i < starts.size(); i++) {
            assertTrue(starts.get(i) - starts.get(i - 1) >= TimeUnit.MILLISECONDS.toNanos(49),
                    "cycle " + i + " came " + (starts.get(i) - starts.get(i - 1)) / 1_000_000 + " ms after the last");
        }
    }

    @Test
    void thePeriodRunsCyclesWhenNoValuesArrive() throws Exception {
        scheduler.start(20);
        awaitStarts(5);
    }

    private void awaitStarts(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (starts.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertTrue(starts.size() >= n, "cycles: " + starts.size());
    }
}
