package io.containeredge.site.api;

import java.util.Optional;

/**
 * A block of miners (by index, inclusive) with a curtailment priority: lower priorities are curtailed
 * first, so AI/HPC racks given a higher priority are never curtailed before the miners.
 *
 * @param model the model of these miners, when the group names one; else they are of the fleet's model
 */
public record MinerGroup(String name, int from, int to, int priority, Optional<MinerModel> model) {

    public MinerGroup(String name, int from, int to, int priority) {
        this(name, from, to, priority, Optional.empty());
    }

    public boolean contains(int miner) {
        return miner >= from && miner <= to;
    }
}
