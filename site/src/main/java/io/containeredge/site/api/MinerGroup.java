package io.containeredge.site.api;

/**
 * A block of miners (by index, inclusive) with a curtailment priority: lower priorities are curtailed
 * first, so AI/HPC racks given a higher priority are never curtailed before the miners.
 */
public record MinerGroup(String name, int from, int to, int priority) {

    public boolean contains(int miner) {
        return miner >= from && miner <= to;
    }
}
