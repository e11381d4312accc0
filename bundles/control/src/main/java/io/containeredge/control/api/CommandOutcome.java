package io.containeredge.control.api;

/**
 * What became of one command.
 *
 * @param ok the miner accepted it (answered without STATUS "E"/"F"); it may take seconds to take effect
 * @param message the miner's acknowledgement (its Msg) or why the command failed
 * @param startedMillis wall-clock time the request was started
 * @param durationMillis from the start of the request to the answer or the failure
 */
public record CommandOutcome(MinerCommand command, boolean ok, String message, long startedMillis,
        long durationMillis) {
}
