package io.containeredge.site.api;

import java.util.Optional;

/**
 * A block of miners (by index, inclusive) with a curtailment priority: lower priorities are curtailed
 * first, so AI/HPC racks given a higher priority are never curtailed before the miners.
 *
 * @param model the model of these miners, when the group names one; else they are of the fleet's model
 * @param dialect the firmware dialect of these miners when it is the group's own: the one it names, else (on a
 *     fleet that names none) its model's; empty: they speak the fleet's
 */
public record MinerGroup(String name, int from, int to, int priority, Optional<MinerModel> model,
        Optional<MinerDialect> dialect) {

    public MinerGroup(String name, int from, int to, int priority, Optional<MinerModel> model) {
        this(name, from, to, priority, model, Optional.empty());
    }

    public MinerGroup(String name, int from, int to, int priority) {
        this(name, from, to, priority, Optional.empty());
    }

    public boolean contains(int miner) {
        return miner >= from && miner <= to;
    }
}
