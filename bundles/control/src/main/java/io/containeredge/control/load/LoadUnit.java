package io.containeredge.control.load;

/**
 * One unit of a load kind as read this cycle: a miner, a GPU server, a rack.
 *
 * @param drawW what it draws now
 * @param ratedW what it draws at full power
 * @param running it draws under control now (a miner hashing): the guards limit the running units' draw,
 *     while a sleeping unit's few watts are load like the auxiliaries'
 */
public record LoadUnit(String id, double drawW, double ratedW, boolean running) {
}
