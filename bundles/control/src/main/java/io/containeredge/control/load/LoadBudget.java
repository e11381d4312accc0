package io.containeredge.control.load;

import io.containeredge.control.load.LoadKind.Commitment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits the arbiter's budget among the load kinds, a pure function. Firm floors first, each up to its floor
 * (highest value first), out of the hard limits' budget: a soft limit (economics, a plan, a grid event, a site
 * lease) never cuts a firm floor, only a hard one does. Then every load's demand above its floor, offered in blocks
 * of kW at a value per kW (a miner each at its economic value, an AI band at its contract value), in falling value
 * (registration order among equals). A falling budget therefore sheds the lowest value first and the firm floors last.
 *
 * <p>Each share is a ceiling: a load may take the budget less what the other loads were given before its last
 * block was served, so a single load gets exactly the budget, and a load whose demand was met in full may also take
 * what lower-valued loads got (it cannot draw more than its demand anyway). A load capped out of band (GPU servers,
 * {@link Claim#capped}) gets exactly what it was given, as its cap; the others count it at what it really draws, so
 * the miners use what it leaves, absorb its swings and take the difference when a server does not follow its cap.
 */
public final class LoadBudget {

    private LoadBudget() {
    }

    /** A block of demand: {@code kw} at {@code valuePerKw} (USD/h per kW). */
    public record Offer(double kw, double valuePerKw) {
    }

    /**
     * One load kind's claim on the budget.
     *
     * @param ratedKw what all its units draw at full power
     * @param offers its demand above the floor, in blocks
     * @param capped it is capped out of band: its share is exactly what it is given
     * @param drawKw what its units draw now: the other loads count a capped load at this
     */
    public record Claim(Commitment commitment, double floorKw, double ratedKw, List<Offer> offers, boolean capped,
            double drawKw) {

        public Claim {
            offers = List.copyOf(offers);
        }

        /**
         * What this load counts for beside the others while it holds {@code shareKw}: a capped load what it draws
         * (the others take what it leaves and give it back within a cycle when it rises), any other its share.
         */
        public double countedKw(double shareKw) {
            return capped ? drawKw : shareKw;
        }

        /** A load whose whole demand above its floor is worth one value per kW, counted at what it is given. */
        public Claim(Commitment commitment, double floorKw, double ratedKw, double valuePerKw) {
            this(commitment, floorKw, ratedKw, List.of(new Offer(ratedKw - Math.min(floorKw, ratedKw), valuePerKw)),
                    false, ratedKw);
        }

        /** The floor served before any flexible demand: a firm load's, never more than it can draw. */
        double firmFloorKw() {
            return commitment == Commitment.FIRM ? Math.min(floorKw, ratedKw) : 0;
        }
    }

    /** A block in the serving order. */
    private record Block(int claim, double kw, double valuePerKw) {
    }

    /** @return each claim's ceiling in kW, in the claims' order, for a budget that only hard limits set */
    public static double[] split(double budgetKw, List<Claim> claims) {
        return split(budgetKw, budgetKw, claims);
    }

    /**
     * @param budgetKw what all the limits allow the loads together
     * @param hardKw what the hard limits alone allow: the firm floors are served out of this
     * @return each claim's ceiling in kW, in the claims' order
     */
    public static double[] split(double budgetKw, double hardKw, List<Claim> claims) {
        int n = claims.size();
        double[] given = new double[n];
        List<Integer> byValue = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byValue.add(i);
        }
        byValue.sort(Comparator.comparingDouble((Integer i) -> firstValue(claims.get(i))).reversed());
        double floorsLeft = hardKw;
        double floorsKw = 0;
        for (int i : byValue) {
            given[i] = Math.max(0, Math.min(claims.get(i).firmFloorKw(), floorsLeft));
            floorsLeft -= given[i];
            floorsKw += given[i];
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (Offer o : claims.get(i).offers()) {
                if (o.kw() > 0) {
                    blocks.add(new Block(i, o.kw(), o.valuePerKw()));
                }
            }
        }
        // a stable sort: registration order among equals
        blocks.sort(Comparator.comparingDouble(Block::valuePerKw).reversed());
        double left = budgetKw - floorsKw;
        // what each load was given before each load's last block: reservedBefore[i][j] is load j's, as load i sees it
        double[][] reservedBefore = new double[n][];
        int[] blocksLeft = new int[n];
        blocks.forEach(b -> blocksLeft[b.claim()]++);
        for (Block b : blocks) {
            double g = Math.max(0, Math.min(b.kw(), left));
            given[b.claim()] += g;
            left -= g;
            if (--blocksLeft[b.claim()] == 0) {
                reservedBefore[b.claim()] = given.clone();
            }
        }
        double[] shares = new double[n];
        for (int i = 0; i < n; i++) {
            Claim c = claims.get(i);
            if (c.capped()) {
                shares[i] = given[i];
                continue;
            }
            double[] seen = reservedBefore[i] == null ? given : reservedBefore[i];
            double others = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    others += claims.get(j).countedKw(seen[j]);
                }
            }
            shares[i] = Math.max(0, budgetKw - others);
        }
        return shares;
    }

    private static double firstValue(Claim c) {
        return c.offers().stream().mapToDouble(Offer::valuePerKw).max().orElse(Double.NEGATIVE_INFINITY);
    }
}
