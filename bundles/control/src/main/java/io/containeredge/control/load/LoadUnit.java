package io.containeredge.control.load;

/**
 * One unit of a load kind as read this cycle: a miner, a GPU server, a rack.
 *
 * @param drawW what it draws now
 * @param ratedW what it draws at full power
 * @param running it draws under control now (a miner hashing): the guards limit the running units' draw,
 *     while a sleeping unit's few watts are load like the auxiliaries'
 * @param settledW what a unit that is not running settles at (a sleeping miner's few watts, counted as its most):
 *     its draw above that is on its way out (a miner going to sleep)
 */
public record LoadUnit(String id, double drawW, double ratedW, boolean running, double settledW) {

    /** A unit whose draw now is what it settles at. */
    public LoadUnit(String id, double drawW, double ratedW, boolean running) {
        this(id, drawW, ratedW, running, drawW);
    }

    /** What it draws above what it settles at while not running; 0 for a running unit. */
    public double leavingW() {
        return running ? 0 : Math.max(0, drawW - settledW);
    }
}
