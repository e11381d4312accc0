package io.containeredge.control.miner;

import io.containeredge.control.api.MinerCommand;

/**
 * One firmware dialect's way of polling a miner and sending it commands, behind which {@link MinerFleet} does
 * not care what the miner speaks. Each call is bounded by the client's timeout as a whole (a poll of several
 * requests included), so a silent miner costs at most one timeout. Implementations are thread-safe: the fleet
 * calls them from many threads at once, for different miners.
 */
public interface MinerClient {

    /**
     * Polls one miner.
     *
     * @throws MinerException when it gives no usable answer: the fleet then counts it at its rated power
     */
    MinerStatus status(MinerEndpoint miner, long nowMillis) throws MinerException;

    /**
     * Carries out one command.
     *
     * @return what the miner answered, for the command's outcome
     * @throws MinerException when it refuses or gives no usable answer
     */
    String execute(MinerEndpoint miner, MinerCommand command) throws MinerException;
}
