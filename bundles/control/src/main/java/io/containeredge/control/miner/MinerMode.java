package io.containeredge.control.miner;

/** What a miner says it is doing, reduced to what matters for the load it puts on the grid. */
public enum MinerMode {
    /** Hashing, or waking / booting towards hashing: it draws (or is about to draw) its target. */
    AWAKE,
    /** Asleep, going to sleep, or shut down for overheating: it draws (or is heading to) ~25 W. */
    SLEEPING,
    /** It did not answer, or its answer does not say. */
    UNKNOWN
}
