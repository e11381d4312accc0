package io.containeredge.control.load;

import io.containeredge.control.load.LoadKind.Commitment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits the arbiter's budget among the load kinds, a pure function. Firm loads first, each up to its
 * floor (highest value first); then every load's remaining demand in falling value per kW (the order of
 * registration among equals). Each share is a ceiling: all that is left when the loads before it have taken
 * their demand, so a single load gets exactly the budget, and a falling budget sheds the lowest value first
 * and the firm floors last.
 */
public final class LoadBudget {

    private LoadBudget() {
    }

    /**
     * One load kind's claim on the budget.
     *
     * @param ratedKw what all its units draw at full power: its demand
     */
    public record Claim(Commitment commitment, double floorKw, double ratedKw, double valuePerKw) {
    }

    /** @return each claim's ceiling in kW, in the claims' order */
    public static double[] split(double budgetKw, List<Claim> claims) {
        double[] shares = new double[claims.size()];
        double[] taken = new double[claims.size()];
        double left = budgetKw;
        List<Integer> byValue = new ArrayList<>(IntStream.range(0, claims.size()).boxed().toList());
        byValue.sort(Comparator.comparingDouble((Integer i) -> claims.get(i).valuePerKw()).reversed());
        for (int i : byValue) {
            Claim c = claims.get(i);
            if (c.commitment() == Commitment.FIRM) {
                taken[i] = Math.max(0, Math.min(Math.min(c.floorKw(), c.ratedKw()), left));
                shares[i] = taken[i];
                left -= taken[i];
            }
        }
        for (int i : byValue) {
            shares[i] += Math.max(0, left);
            left -= Math.max(0, Math.min(claims.get(i).ratedKw() - taken[i], left));
        }
        return shares;
    }
}
