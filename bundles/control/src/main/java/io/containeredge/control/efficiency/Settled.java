package io.containeredge.control.efficiency;

/**
 * One miner's reading once it has settled: awake at the same power target, drawing within
 * {@link EfficiencyLearner#STEADY_SHARE} of the same power, for at least its hashrate average's window since the
 * last change, so the average covers only the present step.
 *
 * @param stepW its power target on its model's step grid
 * @param powerW what it draws (its PDU socket's metered power where the site has it, else its own report), W
 * @param hashrateTh its windowed hashrate average, TH/s
 */
public record Settled(double stepW, double powerW, double hashrateTh) {

    /** Energy per unit of work, J/TH; infinite when it hashes nothing. */
    public double joulesPerTh() {
        return hashrateTh > 0 ? powerW / hashrateTh : Double.POSITIVE_INFINITY;
    }
}
