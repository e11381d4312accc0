package io.containeredge.control.miner;

/** A miner request that got no usable answer: refused, timed out, malformed, or rejected by the miner. */
public final class MinerException extends Exception {

    private static final long serialVersionUID = 1L;

    public MinerException(String message) {
        super(message);
    }

    public MinerException(String message, Throwable cause) {
        super(message, cause);
    }
}
