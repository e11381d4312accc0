package io.containeredge.control.allocation;

/**
 * A miner as the allocator sees it.
 *
 * @param priority lower numbers are curtailed first (e.g. 0 miners, 10 AI/HPC)
 * @param awake the miner reports itself hashing (false while asleep or unknown)
 * @param reachable it answered its last status request
 * @param powerW what it draws now by its own report; rated power when unreachable (worst case)
 * @param powerCut its PDU socket is switched off
 */
public record FleetMember(int index, double ratedW, int priority, boolean awake, boolean reachable, double powerW,
        boolean powerCut) {
}
