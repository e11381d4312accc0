package io.containeredge.control.openadr;

/** A VTN request that failed: unreachable, timed out, or answered with an error status. */
final class VtnException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status, or 0 when there was no answer. */
    private final int status;

    VtnException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
