package io.containeredge.control.loop;

import io.containeredge.control.allocation.AllocatorState;
import io.containeredge.control.allocation.Arbiter;
import io.containeredge.control.allocation.FleetMember;
import io.containeredge.control.allocation.MinerAction;
import io.containeredge.control.allocation.MinerAllocator;
import io.containeredge.control.api.Reading;
import io.containeredge.control.power.PowerInputs;
import io.containeredge.control.thermal.CoolingInputs;
import io.containeredge.control.thermal.ThermalGuard;
import io.containeredge.control.thermal.ThermalState;
import io.containeredge.site.api.Limits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A container on a virtual clock for scenario tests: sensor values the test sets, and miners that
 * obey sleep/wake after realistic delays. Each {@link #cycle()} runs the real guards, arbiter and
 * allocator exactly as the control cycle does, every 250 ms of virtual time.
 */
public final class VirtualContainer {

    public static final Limits LIMITS = new Limits(40, 45, 20, 60, 2500, 2200, 110, 140);
    static final double SLEEP_S = 3;
    static final double WAKE_S = 8;

    final ControlConfig cfg = ControlConfig.defaults(LIMITS);
    final List<SimMiner> miners = new ArrayList<>();
    long now;
    double supplyC = 36;
    double returnC = 42;
    double flow = 120;
    boolean pumpRunning = true;
    boolean leak;
    boolean supplyGood = true;
    ThermalState thermal = ThermalState.initial();
    AllocatorState allocator = AllocatorState.initial();
    Arbiter.Decision lastDecision;
    final List<MinerAction> sent = new ArrayList<>();
    final Map<Integer, List<Sent>> sentAt = new HashMap<>();
    final List<Double> committedKw = new ArrayList<>();

    /** A miner that does what it is told after a delay; a stubborn one ignores sleep commands. */
    static final class SimMiner {
        final int index;
        final double ratedW = 3500;
        boolean awake = true;
        boolean powerCut;
        boolean stubborn;
        boolean cutFails;
        long sleepAt = Long.MAX_VALUE;
        long wakeAt = Long.MAX_VALUE;
        double targetW = 3500;

        SimMiner(int index) {
            this.index = index;
        }

        double powerW() {
            return powerCut ? 0 : awake ? targetW : 25;
        }

        FleetMember member() {
            return new FleetMember(index, ratedW, 0, awake && !powerCut, !powerCut, powerW(), powerCut);
        }
    }

    public VirtualContainer(int minerCount) {
        for (int i = 0; i < minerCount; i++) {
            miners.add(new SimMiner(i));
        }
    }

    double minerKw() {
        return miners.stream().mapToDouble(SimMiner::powerW).sum() / 1000;
    }

    long awakeCount() {
        return miners.stream().filter(m -> m.awake && !m.powerCut).count();
    }

    ContainerInputs inputs() {
        CoolingInputs cooling = new CoolingInputs(
                supplyGood ? Reading.of(supplyC, "cdu/supply_temp") : Reading.bad("cdu/supply_temp", "stale"),
                Reading.of(returnC, "cdu/return_temp"), Reading.of(flow, "cdu/flow"),
                Reading.of(pumpRunning ? 1 : 0, "cdu/pump_state"), Reading.of(leak ? 1 : 0, "cdu/alarm_bits.leak"),
                Reading.of(0, "cdu/alarm_bits.smoke"), Reading.of(0, "cdu/alarm_bits.level_low"),
                Reading.of(0, "cdu/fault_bits"));
        PowerInputs power = new PowerInputs(Reading.of(minerKw() + 25, "meter-main/active_power"),
                Reading.bad("transformer/winding_temp", "not used"), Reading.bad("transformer/top_oil_temp", "not used"),
                Reading.of(25, "cdu/ambient_temp"), Reading.of(60, "battery/m802.SoC"), Reading.of(0, "battery/m103.W"),
                Reading.of(0, "transformer/status_bits.alarm"), Reading.of(0, "transformer/status_bits.trip"));
        return new ContainerInputs(now, List.of(cooling), power, minerKw(), miners.size() * 3.5);
    }

    /** One control cycle at the current virtual time, then 250 ms pass. */
    public void cycle() {
        ContainerInputs in = inputs();
        ThermalGuard.Outcome t = ThermalGuard.evaluate(in, cfg, thermal);
        thermal = t.state();
        lastDecision = Arbiter.combine(List.of(t.verdict()));
        MinerAllocator.Outcome a = MinerAllocator.allocate(lastDecision, miners.stream().map(SimMiner::member).toList(),
                cfg, now, allocator);
        allocator = a.state();
        committedKw.add(a.committedKw());
        for (MinerAction action : a.actions()) {
            apply(action);
        }
        now += cfg.cyclePeriod().toMillis();
        for (SimMiner m : miners) {
            if (now >= m.sleepAt) {
                m.awake = false;
                m.sleepAt = Long.MAX_VALUE;
            }
            if (now >= m.wakeAt) {
                m.awake = true;
                m.wakeAt = Long.MAX_VALUE;
            }
        }
    }

    public void runFor(double seconds) {
        long end = now + (long) (seconds * 1000);
        while (now < end) {
            cycle();
        }
    }

    /** An action and the virtual time it was sent. */
    public record Sent(MinerAction.Kind kind, long atMillis) {
    }

    private void apply(MinerAction action) {
        sent.add(action);
        sentAt.computeIfAbsent(action.index(), i -> new ArrayList<>()).add(new Sent(action.kind(), now));
        SimMiner m = miners.get(action.index());
        switch (action.kind()) {
            case SLEEP -> {
                if (!m.stubborn) {
                    m.sleepAt = now + (long) (SLEEP_S * 1000);
                }
            }
            case WAKE -> {
                m.wakeAt = now + (long) (WAKE_S * 1000);
                m.targetW = m.ratedW;
            }
            case POWER_TARGET -> m.targetW = action.targetW();
            case CUT_POWER -> m.powerCut = !m.cutFails;
            case RESTORE_POWER -> {
                m.powerCut = false;
                m.targetW = m.ratedW;
                m.awake = false;
                m.wakeAt = now + (long) (WAKE_S * 1000);
            }
        }
    }
}
