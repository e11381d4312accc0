package io.containeredge.control.load;

import io.containeredge.control.allocation.AllocatorState;
import io.containeredge.control.allocation.Arbiter;
import io.containeredge.control.loop.ControlConfig;
import io.containeredge.control.loop.ControlLoop;
import io.containeredge.control.allocation.FleetMember;
import io.containeredge.control.loop.LogThrottle;
import io.containeredge.control.allocation.MinerAction;
import io.containeredge.control.allocation.MinerAllocator;
import io.containeredge.control.allocation.MinerValue;
import io.containeredge.control.actuators.PduMap;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.MinerCommand;
import io.containeredge.control.miner.MinerEndpoint;
import io.containeredge.control.miner.MinerMode;
import io.containeredge.control.miner.MinerStatus;
import io.containeredge.gateway.api.DeviceWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The miners as a flexible load kind: the {@link MinerAllocator} (commanded-load accounting, power target,
 * sleep, PDU cut, ramp-limited wake, dwell, priority groups) follows the miners' share of the budget, and its
 * actions go out over the miner API and the PDUs. Commands are sent asynchronously, so a slow miner never
 * holds up the next cycle; a PDU in maintenance gets no socket switching.
 */
public final class MinerLoad implements LoadKind {

    private static final Logger LOG = LoggerFactory.getLogger(MinerLoad.class);
    /** One value for every miner while economics does not price them: 1 USD/h per kW, above any AI band. */
    private static final double VALUE_PER_KW = 1;

    private final ControlConfig cfg;
    private final PduMap pdus;
    private final ControlLoop.Fleet fleet;
    private final DeviceWriter writer;
    private final IntFunction<MinerValue> values;
    /** Command batches and command failures could come every cycle: a few lines a minute each. */
    private final LogThrottle logs = new LogThrottle(LogThrottle.DEFAULT_INTERVAL);
    private AllocatorState allocator = AllocatorState.initial();
    private Map<Integer, MinerEndpoint> endpoints = Map.of();
    private List<FleetMember> members = List.of();
    private double drawKw;
    private double committedKw;

    /**
     * @param values each miner's value per kW and economic step by index, as this cycle's limit sources left
     *     them ({@link MinerValue#NONE} for all when economics is off)
     */
    public MinerLoad(ControlConfig cfg, PduMap pdus, ControlLoop.Fleet fleet, DeviceWriter writer,
            IntFunction<MinerValue> values) {
        this.cfg = cfg;
        this.pdus = pdus;
        this.fleet = fleet;
        this.writer = writer;
        this.values = values;
    }

    @Override
    public String name() {
        return "miners";
    }

    @Override
    public Commitment commitment() {
        return Commitment.FLEXIBLE;
    }

    @Override
    public double floorKw() {
        return 0;
    }

    @Override
    public double valuePerKw() {
        return VALUE_PER_KW;
    }

    /**
     * Each miner at its value per kW as economics priced it this cycle, so that an AI band is served among the miners'
     * steps by value; without economics all at one value, above any AI band (nothing says a miner is worth less).
     */
    @Override
    public List<LoadBudget.Offer> offers(double ratedKw) {
        List<LoadBudget.Offer> offers = new ArrayList<>(members.size());
        for (FleetMember m : members) {
            MinerValue v = values.apply(m.index());
            offers.add(new LoadBudget.Offer(m.ratedW() / 1000, v == MinerValue.NONE ? VALUE_PER_KW : v.valuePerKw()));
        }
        return offers;
    }

    @Override
    public LoadSteps steps() {
        return new LoadSteps(MinerAllocator.MIN_TARGET_SHARE, true, true, cfg.sleepConfirm());
    }

    /** Each miner by its own report; one whose PDU socket is off draws nothing and is not awake. */
    @Override
    public List<LoadUnit> observe(Cycle cycle) {
        List<MinerStatus> statuses = fleet.statuses();
        endpoints = fleet.endpoints();
        List<FleetMember> fleetNow = new ArrayList<>(statuses.size());
        List<LoadUnit> units = new ArrayList<>(statuses.size());
        double drawW = 0;
        for (MinerStatus m : statuses) {
            boolean cut = pdus.isCut(cycle.snapshot(), m.index());
            MinerEndpoint e = endpoints.get(m.index());
            double nameplate = e != null ? e.ratedW() : m.powerW();
            int priority = e != null ? e.priority() : 0;
            boolean awake = m.mode() == MinerMode.AWAKE && !cut;
            double powerW = cut ? 0 : m.powerW();
            fleetNow.add(new FleetMember(m.index(), nameplate, priority, awake, m.reachable(), powerW, cut));
            // asleep it draws a few watts; counted at up to the allocator's asleep mark while it gets there
            units.add(new LoadUnit(Integer.toString(m.index()), powerW, nameplate, awake,
                    Math.min(powerW, MinerAllocator.ASLEEP_W)));
            drawW += powerW;
        }
        members = fleetNow;
        drawKw = drawW / 1000;
        return units;
    }

    @Override
    public double apply(Arbiter.Decision grant, Cycle cycle) {
        // valued after the limit sources have run: economics prices the miners in the same cycle it limits them
        List<FleetMember> valued = members.stream().map(m -> m.valued(values.apply(m.index()))).toList();
        MinerAllocator.Outcome a = MinerAllocator.allocate(grant, valued, cfg, cycle.nowMillis(), allocator);
        allocator = a.state();
        act(a.actions(), cycle, grant.binding().guard());
        committedKw = a.committedKw();
        return committedKw;
    }

    /** What the miners draw now (asleep ones too), as last observed. */
    public double drawKw() {
        return drawKw;
    }

    /** The miner power the allocator's commands allowed in the last cycle. */
    public double committedKw() {
        return committedKw;
    }

    public long awake() {
        return members.stream().filter(FleetMember::awake).count();
    }

    public long total() {
        return members.size();
    }

    public long unreachable() {
        return members.stream().filter(m -> !m.reachable()).count();
    }

    /**
     * @param binding the source that set the limit: a new one (or a new kind of action) is always logged, the
     *     same one a few times a minute
     */
    private void act(List<MinerAction> actions, Cycle cycle, String binding) {
        long nowMillis = cycle.nowMillis();
        List<MinerCommand> commands = new ArrayList<>();
        for (MinerAction action : actions) {
            switch (action.kind()) {
                case SLEEP -> commands.add(MinerCommand.sleep(action.index()));
                case WAKE -> {
                    // a miner keeps its last power target through sleep: wake it at full power or its economic step
                    commands.add(MinerCommand.wake(action.index()));
                    commands.add(MinerCommand.powerTarget(action.index(), action.targetW() > 0 ? action.targetW()
                            : endpoints.get(action.index()).ratedW()));
                }
                case POWER_TARGET -> commands.add(MinerCommand.powerTarget(action.index(), action.targetW()));
                case CUT_POWER, RESTORE_POWER -> switchSocket(action, cycle);
            }
        }
        if (!commands.isEmpty()) {
            long heldBack = logs.admit("commands", binding + " " + actions.get(0).kind(), nowMillis);
            if (heldBack >= 0) {
                LOG.info("sending {} miner command(s): {}{}", commands.size(), actions.get(0).reason(),
                        LogThrottle.heldBack(heldBack));
            }
            fleet.execute(commands).thenAccept(outcomes -> logFailures(outcomes, nowMillis));
        }
    }

    private void logFailures(List<CommandOutcome> outcomes, long nowMillis) {
        List<CommandOutcome> failed = outcomes.stream().filter(o -> !o.ok()).toList();
        long heldBack = failed.isEmpty() ? -1 : logs.admit("command-failures", true, nowMillis);
        if (heldBack >= 0) {
            LOG.warn("{} miner command(s) failed, first: {} {}{}", failed.size(), failed.get(0).command(),
                    failed.get(0).message(), LogThrottle.heldBack(heldBack));
        }
    }

    private void switchSocket(MinerAction action, Cycle cycle) {
        String pdu = pdus.device(action.index());
        if (pdu == null) {
            LOG.error("miner {} has no PDU socket to switch ({})", action.index(), action.reason());
            return;
        }
        if (cycle.isHeld(pdu)) {
            LOG.warn("PDU {} is in maintenance: socket of miner {} not switched ({})", pdu, action.index(),
                    action.reason());
            return;
        }
        boolean on = action.kind() == MinerAction.Kind.RESTORE_POWER;
        LOG.warn("{} PDU {} {} for miner {}: {}", on ? "restoring" : "cutting", pdu, pdus.socketPoint(action.index()),
                action.index(), action.reason());
        writer.write(pdu, pdus.socketPoint(action.index()), on).exceptionally(e -> {
            LOG.error("PDU write failed for miner {}: {}", action.index(), e.getMessage());
            return null;
        });
    }
}
