package io.containeredge.simulator.miner;

import java.io.IOException;
import java.net.InetAddress;
import java.util.BitSet;
import java.util.function.IntPredicate;
import java.util.logging.Logger;

/**
 * What the miner API servers need to know about the miners besides their API, shared by both firmwares'
 * servers: which are powered, and which the fault commands made unreachable or hanging. Each server opens a
 * miner's listener while it is reachable and closes it otherwise ({@link #sweep}). Thread-safe: faults arrive
 * from the simulator's thread, the servers read them from theirs.
 */
final class ServedMiners {

    private static final Logger LOG = Logger.getLogger(ServedMiners.class.getName());

    private final IntPredicate powered;
    private final BitSet unreachable = new BitSet();
    private final BitSet hang = new BitSet();

    /** Opens miner i's listener (and stores it in the server's array). */
    @FunctionalInterface
    interface Opener {
        void open(int miner) throws IOException;
    }

    /** Closes one listener. */
    @FunctionalInterface
    interface Closer<T> {
        void close(T listener) throws IOException;
    }

    /** @param powered whether miner i is powered (its PDU socket is on) */
    ServedMiners(IntPredicate powered) {
        this.powered = powered;
    }

    /** Miners are served on loopback only: the simulator must never be reachable from the network. */
    static void requireLoopback(InetAddress address) {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing to serve miners on non-loopback address "
                    + address.getHostAddress() + ": use 127.0.0.1");
        }
    }

    synchronized void setUnreachable(int miner, boolean on) {
        unreachable.set(miner, on);
    }

    synchronized void setHang(int miner, boolean on) {
        hang.set(miner, on);
    }

    synchronized void clearFaults() {
        unreachable.clear();
        hang.clear();
    }

    synchronized boolean hangs(int miner) {
        return hang.get(miner);
    }

    private synchronized boolean reachable(int miner) {
        return !unreachable.get(miner) && powered.test(miner);
    }

    /**
     * Opens the listeners of a server's miners that became reachable and closes (and forgets) those of the
     * others; a listener that cannot be reopened yet is retried on the next sweep.
     *
     * @param listeners the server's listeners by miner, null where closed
     * @param served the miners the server serves
     * @param ports the miners' ports, for the message
     */
    <T> void sweep(T[] listeners, int[] ports, IntPredicate served, Opener open, Closer<T> close) {
        for (int i = 0; i < listeners.length; i++) {
            if (!served.test(i)) {
                continue;
            }
            boolean reachable = reachable(i);
            try {
                if (reachable && listeners[i] == null) {
                    open.open(i);
                } else if (!reachable && listeners[i] != null) {
                    T listener = listeners[i];
                    listeners[i] = null;
                    close.close(listener);
                }
            } catch (IOException | RuntimeException e) {
                int port = ports[i];
                LOG.fine(() -> "cannot reopen miner port " + port + " (retrying): " + e.getMessage());
            }
        }
    }
}
