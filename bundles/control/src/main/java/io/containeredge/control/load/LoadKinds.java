package io.containeredge.control.load;

import io.containeredge.control.allocation.Arbiter;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.limit.Cycle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The load kinds of a container, in registration order (the miners first). Another kind is one more
 * entry: {@code LoadKinds.of(new RackLoad(...))} handed to the loop.
 */
public final class LoadKinds {

    private static final LoadKinds NONE = new LoadKinds(List.of());

    private final List<LoadKind> kinds;
    /** Every kind's blocks of flexible demand at the last allocation, in registration order. */
    private volatile List<LoadBudget.Offer> offers = List.of();
    /** What the last allocation committed the loads to ({@link #committedKw()}), kW. */
    private volatile double committedKw = Double.NaN;

    private LoadKinds(List<LoadKind> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    public static LoadKinds none() {
        return NONE;
    }

    public static LoadKinds of(LoadKind... kinds) {
        return new LoadKinds(List.of(kinds));
    }

    /** These kinds, then {@code more}. */
    public LoadKinds and(LoadKinds more) {
        return new LoadKinds(Stream.concat(kinds.stream(), more.kinds.stream()).toList());
    }

    /** What the firm kinds keep under every soft limit together: the sum of their floors (the AI tenants' contracts). */
    public double firmFloorKw() {
        return kinds.stream().filter(k -> k.commitment() == LoadKind.Commitment.FIRM).mapToDouble(LoadKind::floorKw)
                .sum();
    }

    /** Every kind's units for this cycle. */
    public Draw observe(Cycle cycle) {
        List<List<LoadUnit>> units = new ArrayList<>(kinds.size());
        for (LoadKind k : kinds) {
            units.add(k.observe(cycle));
        }
        return new Draw(units);
    }

    /** Splits the decision's budget ({@link LoadBudget}) and lets every kind follow its share. */
    public void allocate(Arbiter.Decision decision, Draw draw, Cycle cycle) {
        List<LoadBudget.Claim> claims = new ArrayList<>(kinds.size());
        for (int i = 0; i < kinds.size(); i++) {
            LoadKind k = kinds.get(i);
            double ratedKw = draw.ratedKw(i);
            claims.add(new LoadBudget.Claim(k.commitment(), k.floorKw(), ratedKw, k.offers(ratedKw), k.capped(),
                    draw.drawKw(i)));
        }
        offers = claims.stream().flatMap(c -> c.offers().stream()).toList();
        double[] shares = LoadBudget.split(decision.maxMinerKw(), decision.hardKw(), claims);
        double committed = 0;
        for (int i = 0; i < kinds.size(); i++) {
            double allowed = kinds.get(i).apply(new Arbiter.Decision(shares[i], decision.holdWake(),
                    decision.binding(), decision.verdicts()), cycle);
            committed += claims.get(i).countedKw(allowed); // as the split counts each kind beside the others
        }
        committedKw = committed;
    }

    /**
     * What the last allocation committed the loads to, kW: what the commands allow every kind, a kind capped out of
     * band at what it draws ({@link LoadBudget.Claim#countedKw}); NaN before the first allocation.
     */
    public double committedKw() {
        return committedKw;
    }

    /** Every kind's blocks of demand above its floor at the last allocation (for the site coordinator's report). */
    public List<LoadBudget.Offer> offers() {
        return offers;
    }

    /** Every kind's alarms after the last allocation. */
    public List<AlarmCondition> alarms() {
        List<AlarmCondition> all = new ArrayList<>();
        kinds.forEach(k -> all.addAll(k.alarms()));
        return all;
    }

    /** The units every kind reported this cycle, in registration order. */
    public record Draw(List<List<LoadUnit>> units) {

        public Draw {
            units = List.copyOf(units);
        }

        /** What all running units draw: the power the guards limit. */
        public double runningKw() {
            double kw = 0;
            for (List<LoadUnit> kind : units) {
                kw += sumKw(kind, true);
            }
            return kw;
        }

        /** What all units draw at full power. */
        public double ratedKw() {
            double kw = 0;
            for (List<LoadUnit> kind : units) {
                kw += sumKw(kind, false);
            }
            return kw;
        }

        /** What the units no longer running draw above what they settle at ({@link LoadUnit#leavingW}). */
        public double leavingKw() {
            double w = 0;
            for (List<LoadUnit> kind : units) {
                for (LoadUnit u : kind) {
                    w += u.leavingW();
                }
            }
            return w / 1000;
        }

        double ratedKw(int kind) {
            return sumKw(units.get(kind), false);
        }

        /** What one kind's units draw now, running or not. */
        double drawKw(int kind) {
            double w = 0;
            for (LoadUnit u : units.get(kind)) {
                w += u.drawW();
            }
            return w / 1000;
        }

        /** Summed in W, in the units' order, as the loop always has: the guards see the very same number. */
        private static double sumKw(List<LoadUnit> units, boolean running) {
            double w = 0;
            for (LoadUnit u : units) {
                w += running ? (u.running() ? u.drawW() : 0) : u.ratedW();
            }
            return w / 1000;
        }
    }
}
