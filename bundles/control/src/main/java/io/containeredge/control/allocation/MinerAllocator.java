package io.containeredge.control.allocation;

import io.containeredge.control.allocation.AllocatorState.Commanded;
import io.containeredge.control.allocation.MinerAction.Kind;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.loop.ControlConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the allowed miner power into actions, a pure function of (decision, fleet, config, time,
 * state). It counts what it has commanded, not what miners report, so the commanded load never
 * exceeds the limit even while miners are still obeying:
 * <ul>
 * <li>over the limit: lowest priority first, trim with a power target or put to sleep;</li>
 * <li>a miner that has not confirmed sleep within the confirm time: cut its PDU socket;</li>
 * <li>under the limit and waking allowed: wake highest priority first, no faster than the wake ramp,
 *     and never a miner put to sleep less than the dwell time ago.</li>
 * </ul>
 * With economics ({@link MinerValue}), within a priority group the lowest value per kW is curtailed first and
 * the highest restored first; over the limit every miner is first brought down to its economic step (a power
 * target where it earns most, or sleep) before any is taken further, and none is woken or raised above its
 * step. Without economics every miner has the same value and no step: the order is priority, then index.
 */
public final class MinerAllocator {

    /** A miner drawing less than this is asleep as far as the grid is concerned. */
    public static final double ASLEEP_W = 200;
    /** Lowest power target, as a share of rated power, that curtailment firmwares accept. */
    public static final double MIN_TARGET_SHARE = 0.3;

    /** Lowest priority first; within it the lowest value per kW; among equals the highest index. */
    private static final Comparator<FleetMember> CURTAIL_ORDER = Comparator.comparingInt(FleetMember::priority)
            .thenComparingDouble(m -> m.value().valuePerKw())
            .thenComparing(FleetMember::index, Comparator.reverseOrder());
    /** Highest priority first; within it the highest value per kW; among equals the lowest index. */
    private static final Comparator<FleetMember> WAKE_ORDER = Comparator.comparingInt(FleetMember::priority).reversed()
            .thenComparing(Comparator.comparingDouble((FleetMember m) -> m.value().valuePerKw()).reversed())
            .thenComparingInt(FleetMember::index);

    private MinerAllocator() {
    }

    /** The actions of this cycle and the state for the next. */
    public record Outcome(List<MinerAction> actions, AllocatorState state, double committedKw) {
    }

    public static Outcome allocate(Arbiter.Decision decision, List<FleetMember> fleet, ControlConfig cfg,
            long now, AllocatorState prev) {
        Map<Integer, Commanded> commanded = new HashMap<>(prev.commanded());
        List<MinerAction> actions = new ArrayList<>();
        double limitW = decision.maxMinerKw() * 1000;
        String why = decision.binding().guard() + ": " + decision.binding().reason();

        double committedW = 0;
        for (FleetMember m : fleet) {
            committedW += committedW(m, commanded.get(m.index()));
        }
        List<FleetMember> curtailOrder = new ArrayList<>(fleet);
        curtailOrder.sort(CURTAIL_ORDER);
        Verdict.Shedding shedding = decision.shedding();
        // first each miner down to its economic step (nothing without economics), then as far as the limit needs;
        // a fast shed skips the steps: they are power targets, which firmwares take seconds to follow
        if (shedding == Verdict.Shedding.GRADUAL) {
            committedW = curtail(curtailOrder, true, shedding, commanded, limitW, committedW, why, now, actions);
        }
        committedW = curtail(curtailOrder, false, shedding, commanded, limitW, committedW, why, now, actions);
        cutUnconfirmed(fleet, commanded, cfg, now, actions);
        double budget = wake(decision, fleet, commanded, cfg, now, prev, limitW, committedW, actions);
        double finalCommitted = 0;
        for (FleetMember m : fleet) {
            finalCommitted += committedW(m, commanded.get(m.index()));
        }
        return new Outcome(actions, new AllocatorState(commanded, budget, now), finalCommitted / 1000);
    }

    /**
     * Trims miners in {@code order} with a power target, or puts them to sleep when a trim would go too low,
     * until the committed power is within the limit.
     *
     * @param toStep no miner is taken below its economic step; one without a step is left alone
     * @param shedding anything but gradual puts miners to sleep without trimming, and may cut their sockets at once
     * @return the committed power after
     */
    private static double curtail(List<FleetMember> order, boolean toStep, Verdict.Shedding shedding,
            Map<Integer, Commanded> commanded, double limitW, double committedW, String why, long now,
            List<MinerAction> actions) {
        for (FleetMember m : order) {
            if (committedW <= limitW) {
                break;
            }
            double mine = committedW(m, commanded.get(m.index()));
            if (mine <= 0 || toStep && !(m.value().stepW() < mine)) {
                continue;
            }
            double keep = mine - (committedW - limitW);
            if (toStep) {
                keep = Math.max(keep, m.economicW());
            }
            if (shedding == Verdict.Shedding.GRADUAL && limitW > 0 && keep >= lowestTargetW(m)) {
                actions.add(new MinerAction(m.index(), Kind.POWER_TARGET, Math.floor(keep), why));
                commanded.put(m.index(), new Commanded(Kind.POWER_TARGET, Math.floor(keep), now));
                committedW -= mine - Math.floor(keep);
            } else {
                actions.add(new MinerAction(m.index(), Kind.SLEEP, 0, why));
                commanded.put(m.index(), new Commanded(Kind.SLEEP, 0, now));
                if (shedding == Verdict.Shedding.SLEEP_AND_CUT) {
                    actions.add(new MinerAction(m.index(), Kind.CUT_POWER, 0, why + " (hard cut)"));
                    commanded.put(m.index(), new Commanded(Kind.CUT_POWER, 0, now));
                }
                committedW -= mine;
            }
        }
        return committedW;
    }

    /**
     * The lowest power target a miner is trimmed to rather than put to sleep: the share curtailment firmwares
     * accept, or its economic step where that is lower (economics takes its steps from the miner's own model, whose
     * lowest power target may lie a little under the share, e.g. 1,650 W of 5,512 W).
     */
    private static double lowestTargetW(FleetMember m) {
        double share = MIN_TARGET_SHARE * m.ratedW();
        return m.economicW() > 0 ? Math.min(share, m.economicW()) : share;
    }

    /** Power a miner may draw given what was last commanded; worst case when nothing was. */
    static double committedW(FleetMember m, Commanded c) {
        if (c != null) {
            return switch (c.kind()) {
                case SLEEP, CUT_POWER -> 0;
                case POWER_TARGET -> c.targetW();
                case WAKE -> c.targetW() > 0 ? c.targetW() : m.ratedW();
                case RESTORE_POWER -> m.ratedW();
            };
        }
        if (m.powerCut()) {
            return 0;
        }
        if (!m.reachable()) {
            return m.ratedW();
        }
        return m.awake() ? Math.max(m.powerW(), m.ratedW()) : m.powerW();
    }

    /**
     * Held at a power target by the last command: trimmed, or woken at its economic step (which economics may
     * raise later like any power target).
     */
    private static boolean belowTarget(Commanded c) {
        return c != null && (c.kind() == Kind.POWER_TARGET || c.kind() == Kind.WAKE && c.targetW() > 0);
    }

    /** Asleep by command, or by its own report when it was never commanded (e.g. after a restart). */
    private static boolean asleep(FleetMember m, Commanded c) {
        if (c != null) {
            return c.kind() == Kind.SLEEP || c.kind() == Kind.CUT_POWER;
        }
        return m.powerCut() || m.reachable() && !m.awake();
    }

    private static void cutUnconfirmed(List<FleetMember> fleet, Map<Integer, Commanded> commanded, ControlConfig cfg,
            long now, List<MinerAction> actions) {
        for (FleetMember m : fleet) {
            Commanded c = commanded.get(m.index());
            boolean stillDrawing = m.awake() || !m.reachable() || m.powerW() > ASLEEP_W;
            boolean waiting = c != null && (c.kind() == Kind.SLEEP || c.kind() == Kind.CUT_POWER);
            if (waiting && !m.powerCut() && stillDrawing && now - c.atMillis() >= cfg.sleepConfirm().toMillis()) {
                // a cut whose socket still reads on is sent again: the PDU write may have been lost
                String why = c.kind() == Kind.SLEEP
                        ? "no sleep confirmation within " + cfg.sleepConfirm().toSeconds() + " s"
                        : "PDU socket still on " + cfg.sleepConfirm().toSeconds() + " s after the cut";
                actions.add(new MinerAction(m.index(), Kind.CUT_POWER, 0, why));
                commanded.put(m.index(), new Commanded(Kind.CUT_POWER, 0, now));
            }
        }
    }

    private static double wake(Arbiter.Decision decision, List<FleetMember> fleet, Map<Integer, Commanded> commanded,
            ControlConfig cfg, long now, AllocatorState prev, double limitW, double committedW,
            List<MinerAction> actions) {
        if (decision.holdWake() || committedW >= limitW) {
            return 0;
        }
        double dtS = prev.lastMillis() == Long.MIN_VALUE ? 0 : (now - prev.lastMillis()) / 1000.0;
        double largestW = fleet.stream().mapToDouble(FleetMember::ratedW).max().orElse(0);
        // the budget refills at the ramp rate; capped so a pause never becomes a burst
        double budgetW = Math.min(prev.wakeBudgetKw() * 1000 + cfg.wakeRampKwPerS() * 1000 * dtS,
                Math.max(cfg.wakeRampKwPerS() * 1000, largestW));
        List<FleetMember> wakeOrder = new ArrayList<>(fleet);
        wakeOrder.sort(WAKE_ORDER);
        for (FleetMember m : wakeOrder) {
            Commanded c = commanded.get(m.index());
            if (!belowTarget(c) || c.targetW() >= m.economicW()) {
                continue;
            }
            double raise = Math.min(m.economicW() - c.targetW(), Math.min(budgetW, limitW - committedW));
            if (raise <= 0) {
                break;
            }
            double target = Math.floor(c.targetW() + raise);
            actions.add(new MinerAction(m.index(), Kind.POWER_TARGET, target, "load allowed back, ramp-limited"));
            commanded.put(m.index(), new Commanded(Kind.POWER_TARGET, target, now));
            committedW += target - c.targetW();
            budgetW -= target - c.targetW();
        }
        for (FleetMember m : wakeOrder) {
            Commanded c = commanded.get(m.index());
            if (!asleep(m, c) || c != null && now - c.atMillis() < cfg.minDwell().toMillis() || m.value().sleeps()) {
                continue;
            }
            Kind kind = m.powerCut() || c != null && c.kind() == Kind.CUT_POWER ? Kind.RESTORE_POWER : Kind.WAKE;
            // a miner woken below its rating (its economic step) is woken at that power target
            double target = kind == Kind.WAKE && m.economicW() < m.ratedW() ? Math.floor(m.economicW()) : 0;
            double added = (target > 0 ? target : m.ratedW()) - committedW(m, c);
            if (committedW + added > limitW || budgetW < added) {
                break;
            }
            actions.add(new MinerAction(m.index(), kind, target, "load allowed back, ramp-limited"));
            commanded.put(m.index(), new Commanded(kind, target, now));
            committedW += added;
            budgetW -= added;
        }
        return budgetW / 1000;
    }
}
