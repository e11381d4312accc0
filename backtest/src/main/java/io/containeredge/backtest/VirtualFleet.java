package io.containeredge.backtest;

import io.containeredge.control.allocation.FleetMember;
import io.containeredge.control.allocation.MinerAction;
import io.containeredge.control.replay.ReplayFleet;
import io.containeredge.simulator.miner.FleetUnits;
import io.containeredge.site.api.MinerFleetConfig;
import io.containeredge.site.api.SimulationConfig;
import io.containeredge.site.api.SiteConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A site's miners for the backtest: each the unit the simulator would run ({@link FleetUnits}: its model's curve
 * with its spread, a few degraded), with its model's sleep and wake times, all hashing at rated power at the start.
 * The controller sees each at the rated power and priority the site gives it.
 */
final class VirtualFleet implements ReplayFleet {

    private final List<VirtualMiner> miners;
    private final double[] ratedW;
    private final int[] priority;
    private long atMillis;

    VirtualFleet(SiteConfig site, long startMillis) {
        MinerFleetConfig config = site.miners();
        SimulationConfig sim = site.simulation();
        this.miners = new ArrayList<>(config.count());
        this.ratedW = new double[config.count()];
        this.priority = new int[config.count()];
        for (int i = 0; i < config.count(); i++) {
            ratedW[i] = config.ratedPowerWOf(i);
            priority[i] = config.priorityOf(i);
            miners.add(new VirtualMiner(FleetUnits.of(config, sim.minerSpread(), i),
                    sim.sleepSecondsOf(config.modelOf(i)), sim.wakeSecondsOf(config.modelOf(i))));
        }
        this.atMillis = startMillis;
    }

    @Override
    public List<FleetMember> members() {
        List<FleetMember> members = new ArrayList<>(miners.size());
        for (int i = 0; i < miners.size(); i++) {
            VirtualMiner m = miners.get(i);
            boolean cut = m.state() == VirtualMiner.State.OFF;
            members.add(new FleetMember(i, ratedW[i], priority[i], m.awake(), !cut,
                    m.powerW(atMillis), cut));
        }
        return members;
    }

    @Override
    public void apply(List<MinerAction> actions, long nowMillis) {
        for (MinerAction a : actions) {
            miners.get(a.index()).apply(a, nowMillis);
        }
    }

    @Override
    public Interval advance(long toMillis) {
        double wh = 0;
        double th = 0;
        double hashingS = 0;
        for (VirtualMiner m : miners) {
            Interval done = m.advance(atMillis, toMillis);
            wh += done.energyWh();
            th += done.hashedTh();
            hashingS += done.hashingMinerSeconds();
        }
        atMillis = toMillis;
        return new Interval(wh, th, hashingS);
    }

    @Override
    public long settlesAtMillis() {
        return miners.stream().mapToLong(VirtualMiner::settlesAtMillis).max().orElse(Long.MIN_VALUE);
    }
}
