package io.containeredge.control.allocation;

import io.containeredge.control.allocation.AllocatorState.Commanded;
import io.containeredge.control.allocation.MinerAction.Kind;
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
 */
public final class MinerAllocator {

    /** A miner drawing less than this is asleep as far as the grid is concerned. */
    static final double ASLEEP_W = 200;
    /** Lowest power target, as a share of rated power, that curtailment firmwares accept. */
    public static final double MIN_TARGET_SHARE = 0.3;

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
        curtailOrder.sort(Comparator.comparingInt(FleetMember::priority).thenComparing(
                FleetMember::index, Comparator.reverseOrder()));
        for (FleetMember m : curtailOrder) {
            if (committedW <= limitW) {
                break;
            }
            double mine = committedW(m, commanded.get(m.index()));
            if (mine <= 0) {
                continue;
            }
            double keep = mine - (committedW - limitW);
            if (limitW > 0 && keep >= MIN_TARGET_SHARE * m.ratedW()) {
                actions.add(new MinerAction(m.index(), Kind.POWER_TARGET, Math.floor(keep), why));
                commanded.put(m.index(), new Commanded(Kind.POWER_TARGET, Math.floor(keep), now));
                committedW -= mine - Math.floor(keep);
            } else {
                actions.add(new MinerAction(m.index(), Kind.SLEEP, 0, why));
                commanded.put(m.index(), new Commanded(Kind.SLEEP, 0, now));
                committedW -= mine;
            }
        }
        cutUnconfirmed(fleet, commanded, cfg, now, actions);
        double budget = wake(decision, fleet, commanded, cfg, now, prev, limitW, committedW, actions);
        double finalCommitted = 0;
        for (FleetMember m : fleet) {
            finalCommitted += committedW(m, commanded.get(m.index()));
        }
        return new Outcome(actions, new AllocatorState(commanded, budget, now), finalCommitted / 1000);
    }

    /** Power a miner may draw given what was last commanded; worst case when nothing was. */
    static double committedW(FleetMember m, Commanded c) {
        if (c != null) {
            return switch (c.kind()) {
                case SLEEP, CUT_POWER -> 0;
                case POWER_TARGET -> c.targetW();
                case WAKE, RESTORE_POWER -> m.ratedW();
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
        wakeOrder.sort(Comparator.comparingInt(FleetMember::priority).reversed().thenComparingInt(FleetMember::index));
        for (FleetMember m : wakeOrder) {
            Commanded c = commanded.get(m.index());
            if (c == null || c.kind() != Kind.POWER_TARGET || c.targetW() >= m.ratedW()) {
                continue;
            }
            double raise = Math.min(m.ratedW() - c.targetW(), Math.min(budgetW, limitW - committedW));
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
            if (!asleep(m, c) || c != null && now - c.atMillis() < cfg.minDwell().toMillis()) {
                continue;
            }
            double added = m.ratedW() - committedW(m, c);
            if (committedW + added > limitW || budgetW < added) {
                break;
            }
            Kind kind = m.powerCut() || c != null && c.kind() == Kind.CUT_POWER ? Kind.RESTORE_POWER : Kind.WAKE;
            actions.add(new MinerAction(m.index(), kind, 0, "load allowed back, ramp-limited"));
            commanded.put(m.index(), new Commanded(kind, 0, now));
            committedW += added;
            budgetW -= added;
        }
        return budgetW / 1000;
    }
}
