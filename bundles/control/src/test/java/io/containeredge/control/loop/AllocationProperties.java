package io.containeredge.control.loop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.allocation.MinerAction.Kind;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties over random sensor traces: the limits hold whatever the sensors do. */
class AllocationProperties {

    static void play(VirtualContainer c, List<Double> temps, List<Boolean> pump, List<Boolean> good, int cyclesPerStep) {
        for (int i = 0; i < temps.size(); i++) {
            c.supplyC = temps.get(i);
            c.pumpRunning = pump.get(i % pump.size());
            c.supplyGood = good.get(i % good.size());
            for (int k = 0; k < cyclesPerStep; k++) {
                c.cycle();
                double allowed = c.lastDecision.maxMinerKw();
                double committed = c.committedKw.get(c.committedKw.size() - 1);
                assertTrue(committed <= allowed + 1e-6,
                        "commanded " + committed + " kW above allowed " + allowed + " kW at t=" + c.now);
            }
        }
    }

    @Property(tries = 60)
    void commandedLoadNeverExceedsTheAllowedLoad(
            @ForAll @Size(min = 5, max = 40) List<@DoubleRange(min = 15, max = 50) Double> temps,
            @ForAll @Size(min = 1, max = 5) List<Boolean> pump,
            @ForAll @Size(min = 1, max = 5) List<Boolean> good,
            @ForAll @IntRange(min = 1, max = 40) int cyclesPerStep) {
        VirtualContainer c = new VirtualContainer(30);
        play(c, temps, pump, good, cyclesPerStep);
    }

    @Property(tries = 60)
    void noMinerIsWokenSoonerThanTheDwellTimeAfterItWasPutToSleep(
            @ForAll @Size(min = 5, max = 40) List<@DoubleRange(min = 30, max = 46) Double> temps,
            @ForAll @IntRange(min = 1, max = 60) int cyclesPerStep) {
        VirtualContainer c = new VirtualContainer(30);
        c.runFor(35);
        play(c, temps, List.of(true), List.of(true), cyclesPerStep);
        c.sentAt.forEach((index, times) -> {
            for (int i = 1; i < times.size(); i++) {
                VirtualContainer.Sent prev = times.get(i - 1);
                VirtualContainer.Sent next = times.get(i);
                boolean wakeAfterSleep = (prev.kind() == Kind.SLEEP || prev.kind() == Kind.CUT_POWER)
                        && (next.kind() == Kind.WAKE || next.kind() == Kind.RESTORE_POWER);
                assertTrue(!wakeAfterSleep || next.atMillis() - prev.atMillis() >= c.cfg.minDwell().toMillis(),
                        "miner " + index + " woken " + (next.atMillis() - prev.atMillis()) + " ms after sleeping");
            }
        });
    }
}
