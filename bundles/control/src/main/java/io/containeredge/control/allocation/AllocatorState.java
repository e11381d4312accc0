package io.containeredge.control.allocation;

import java.util.Map;

/**
 * What the allocator remembers: the last action per miner and when, and the wake-up budget.
 *
 * @param wakeBudgetKw power that may still be woken under the ramp limit
 */
public record AllocatorState(Map<Integer, Commanded> commanded, double wakeBudgetKw, long lastMillis) {

    public AllocatorState {
        commanded = Map.copyOf(commanded);
    }

    /** The last action sent to a miner. */
    public record Commanded(MinerAction.Kind kind, double targetW, long atMillis) {
    }

    public static AllocatorState initial() {
        return new AllocatorState(Map.of(), 0, Long.MIN_VALUE);
    }
}
