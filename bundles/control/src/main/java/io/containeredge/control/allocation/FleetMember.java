package io.containeredge.control.allocation;

/**
 * A miner as the allocator sees it.
 *
 * @param priority lower numbers are curtailed first (e.g. 0 miners, 10 AI/HPC)
 * @param awake the miner reports itself hashing (false while asleep or unknown)
 * @param reachable it answered its last status request
 * @param powerW what it draws now by its own report; rated power when unreachable (worst case)
 * @param powerCut its PDU socket is switched off
 * @param value its value per kW and economic step; {@link MinerValue#NONE} when economics is off
 */
public record FleetMember(int index, double ratedW, int priority, boolean awake, boolean reachable, double powerW,
        boolean powerCut, MinerValue value) {

    /** A miner without economics. */
    public FleetMember(int index, double ratedW, int priority, boolean awake, boolean reachable, double powerW,
            boolean powerCut) {
        this(index, ratedW, priority, awake, reachable, powerW, powerCut, MinerValue.NONE);
    }

    /** The same miner with economics' numbers. */
    public FleetMember valued(MinerValue v) {
        return new FleetMember(index, ratedW, priority, awake, reachable, powerW, powerCut, v);
    }

    /** The most economics lets it draw when it runs: its step, at most its rating. */
    double economicW() {
        return Math.min(ratedW, value.stepW());
    }
}
