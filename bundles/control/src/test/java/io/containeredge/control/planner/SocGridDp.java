package io.containeredge.control.planner;

import io.containeredge.control.planner.ValueCurve.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The independent check of the LP: the best plan of the same model found by brute force, a dynamic program over
 * the battery's state of charge on a grid of levels. Each slot moves the battery from one level to another (the
 * net charge or discharge that takes); given that, the rest of the slot is one bus with sources (PV for free,
 * the grid at its price) and sinks (firm load, mining segments, export), cleared by merit order: the cheapest
 * source to the most valuable sink while the sink is worth more. No demand charge (its peak couples the slots).
 */
final class SocGridDp {

    /** A fixed flow that must be placed, valued beyond any price. */
    private static final double FIXED = 1e12;

    private final PlanProblem problem;
    private final double stepPct;

    /** @param stepPct the grid's spacing; the window's ends and the state of charge now must lie on it */
    SocGridDp(PlanProblem problem, double stepPct) {
        if (problem.demandChargeUsdPerKw() > 0) {
            throw new IllegalArgumentException("the grid check has no demand charge");
        }
        this.problem = problem;
        this.stepPct = stepPct;
    }

    /** The most the plan can net, in USD (the LP's objective). */
    double bestUsd() {
        StorageModel storage = problem.storage();
        double lo = Math.min(storage.minSocPct(), problem.socPctNow());
        double hi = Math.max(storage.maxSocPct(), problem.socPctNow());
        int levels = (int) Math.round((hi - lo) / stepPct) + 1;
        double[] value = new double[levels];  // the best from slot t on, by level at its start; 0 after the end
        for (int t = problem.slots().size() - 1; t >= 0; t--) {
            double[] earlier = new double[levels];
            for (int from = 0; from < levels; from++) {
                earlier[from] = Double.NEGATIVE_INFINITY;
                for (int to = 0; to < levels; to++) {
                    double slot = slotUsd(problem.slots().get(t), (to - from) * stepPct);
                    earlier[from] = Math.max(earlier[from], slot + value[to]);
                }
            }
            value = earlier;
        }
        return value[(int) Math.round((problem.socPctNow() - lo) / stepPct)];
    }

    /** What a slot nets when the battery's state of charge moves by {@code deltaPct}; minus infinity if it can't. */
    private double slotUsd(PlanSlotInput in, double deltaPct) {
        StorageModel storage = problem.storage();
        double h = problem.slotHours();
        double kwh = deltaPct / 100 * storage.capacityKwh();
        double eta = storage.oneWayEfficiency();
        double charge = kwh > 0 ? kwh / eta / h : 0;
        double discharge = kwh < 0 ? -kwh * eta / h : 0;
        if (kwh != 0 && !storage.present() || charge > storage.maxChargeKw() + 1e-9
                || discharge > storage.maxDischargeKw() + 1e-9) {
            return Double.NEGATIVE_INFINITY;
        }
        double perKw = h / 1000;
        return clear(in, in.firmKw() + charge - discharge) * perKw
                - (charge + discharge) * storage.wearUsdPerMwh() * perKw;
    }

    /** A flow on the bus: its price (a source's cost or a sink's value) and its most kW. */
    private record Flow(double usdPerMwh, double kw) {
    }

    /** The merit-order clearing of one slot's bus with a fixed net demand; USD per MWh-per-kW, or minus infinity. */
    private double clear(PlanSlotInput in, double fixedDemandKw) {
        List<Flow> sources = new ArrayList<>(List.of(new Flow(0, in.pvKw()),
                new Flow(in.importUsdPerMwh(), in.importCapKw())));
        List<Flow> sinks = new ArrayList<>(List.of(new Flow(in.netExportUsdPerMwh(), problem.exportLimitKw())));
        double miningRoom = in.miningMaxKw();
        for (Segment s : problem.mining().segments()) {
            sinks.add(new Flow(s.usdPerMwh(), Math.min(s.kw(), miningRoom)));
            miningRoom -= Math.min(s.kw(), miningRoom);
        }
        if (fixedDemandKw > 0) {
            sinks.add(new Flow(FIXED, fixedDemandKw));
        } else {
            sources.add(new Flow(-FIXED, -fixedDemandKw));
        }
        sources.sort(Comparator.comparingDouble(Flow::usdPerMwh));
        sinks.sort(Comparator.comparingDouble(Flow::usdPerMwh).reversed());
        double usd = 0;
        int a = 0;
        int b = 0;
        double leftA = sources.get(0).kw();
        double leftB = sinks.get(0).kw();
        while (a < sources.size() && b < sinks.size()
                && sinks.get(b).usdPerMwh() > sources.get(a).usdPerMwh()) {
            double q = Math.min(leftA, leftB);
            usd += q * (price(sinks.get(b)) - price(sources.get(a)));
            leftA -= q;
            leftB -= q;
            if (leftA <= 1e-12 && ++a < sources.size()) {
                leftA = sources.get(a).kw();
            }
            if (leftB <= 1e-12 && ++b < sinks.size()) {
                leftB = sinks.get(b).kw();
            }
        }
        boolean fixedPlaced = fixedDemandKw > 0 ? sinks.get(0).usdPerMwh() != FIXED || b > 0
                : sources.get(0).usdPerMwh() != -FIXED || a > 0;
        return fixedPlaced || fixedDemandKw == 0 ? usd : Double.NEGATIVE_INFINITY;
    }

    /** A flow's price in the objective: the fixed flows count nothing. */
    private static double price(Flow f) {
        return Math.abs(f.usdPerMwh()) == FIXED ? 0 : f.usdPerMwh();
    }
}
