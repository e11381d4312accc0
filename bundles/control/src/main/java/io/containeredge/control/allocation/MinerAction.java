package io.containeredge.control.allocation;

/**
 * One thing the allocator wants done to one miner this cycle.
 *
 * @param targetW the power target for {@link Kind#POWER_TARGET}; for {@link Kind#WAKE} the power target to wake
 *     at, 0 for its rated power; else 0
 */
public record MinerAction(int index, Kind kind, double targetW, String reason) {

    /** From gentle to blunt: power target and sleep over the miner API, power cut at the PDU. */
    public enum Kind {
        /** Wake up at rated power (or the action's target): the actuator also restores the miner's power target. */
        WAKE,
        POWER_TARGET,
        SLEEP,
        CUT_POWER,
        RESTORE_POWER
    }
}
