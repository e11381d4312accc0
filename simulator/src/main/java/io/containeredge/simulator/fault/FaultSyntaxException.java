package io.containeredge.simulator.fault;

/** A fault command or script that cannot be understood; nothing was applied. */
public final class FaultSyntaxException extends Exception {

    public FaultSyntaxException(String message) {
        super(message);
    }
}
