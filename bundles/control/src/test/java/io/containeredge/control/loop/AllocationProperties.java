package io.containeredge.control.loop;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.coolantSupplyAt;
import static io.containeredge.control.scenario.Events.coolantSupplyBad;
import static io.containeredge.control.scenario.Events.pumpRuns;
import static io.containeredge.control.scenario.Events.pumpStops;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.MinerCommand;
import io.containeredge.control.scenario.Scenario;
import io.containeredge.control.scenario.VirtualDevices.Write;
import io.containeredge.control.scenario.VirtualFleet.Sent;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties over random sensor traces: the limits hold whatever the sensors do. */
class AllocationProperties {

    private static Scenario thirtyMiners() {
        return given(container().miners(30, 3.5).minersTake(3, 8));
    }

    static void play(Scenario sc, List<Double> temps, List<Boolean> pump, List<Boolean> good, int cyclesPerStep) {
        for (int i = 0; i < temps.size(); i++) {
            sc.when(good.get(i % good.size()) ? coolantSupplyAt(temps.get(i)) : coolantSupplyBad(),
                    pump.get(i % pump.size()) ? pumpRuns() : pumpStops());
            for (int k = 0; k < cyclesPerStep; k++) {
                sc.cycle();
                double allowed = sc.status().maxMinerKw();
                double committed = sc.status().committedKw();
                assertTrue(committed <= allowed + 1e-6,
                        "commanded " + committed + " kW above allowed " + allowed + " kW at t=" + sc.now());
            }
        }
    }

    @Property(tries = 60)
    void commandedLoadNeverExceedsTheAllowedLoad(
            @ForAll @Size(min = 5, max = 40) List<@DoubleRange(min = 15, max = 50) Double> temps,
            @ForAll @Size(min = 1, max = 5) List<Boolean> pump,
            @ForAll @Size(min = 1, max = 5) List<Boolean> good,
            @ForAll @IntRange(min = 1, max = 40) int cyclesPerStep) {
        play(thirtyMiners(), temps, pump, good, cyclesPerStep);
    }

    @Property(tries = 60)
    void noMinerIsWokenSoonerThanTheDwellTimeAfterItWasPutToSleep(
            @ForAll @Size(min = 5, max = 40) List<@DoubleRange(min = 30, max = 46) Double> temps,
            @ForAll @IntRange(min = 1, max = 60) int cyclesPerStep) {
        Scenario sc = thirtyMiners().runFor(35, s);
        play(sc, temps, List.of(true), List.of(true), cyclesPerStep);
        long dwell = sc.config().minDwell().toMillis();
        Map<Integer, List<Sent>> commands = sc.fleet().sent().stream()
                .filter(c -> c.command().kind() != MinerCommand.Kind.POWER_TARGET)
                .collect(Collectors.groupingBy(c -> c.command().index()));
        commands.forEach((miner, sent) -> {
            for (int i = 1; i < sent.size(); i++) {
                boolean wakeAfterSleep = sent.get(i - 1).command().kind() == MinerCommand.Kind.SLEEP
                        && sent.get(i).command().kind() == MinerCommand.Kind.WAKE;
                long apart = sent.get(i).atMillis() - sent.get(i - 1).atMillis();
                assertTrue(!wakeAfterSleep || apart >= dwell, "miner " + miner + " woken " + apart + " ms after sleeping");
            }
        });
        Map<String, List<Write>> sockets = sc.devices().writes().stream().filter(w -> w.point().startsWith("socket_"))
                .collect(Collectors.groupingBy(w -> w.device() + "/" + w.point()));
        sockets.forEach((socket, writes) -> {
            for (int i = 1; i < writes.size(); i++) {
                boolean restoreAfterCut = Boolean.FALSE.equals(writes.get(i - 1).value())
                        && Boolean.TRUE.equals(writes.get(i).value());
                long apart = writes.get(i).atMillis() - writes.get(i - 1).atMillis();
                assertTrue(!restoreAfterCut || apart >= dwell, socket + " restored " + apart + " ms after its cut");
            }
        });
    }
}
