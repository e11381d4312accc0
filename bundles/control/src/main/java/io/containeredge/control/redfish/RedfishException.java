package io.containeredge.control.redfish;

/** A BMC answered with an HTTP error; the message is the Redfish error's own when it sent one. */
final class RedfishException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    RedfishException(int status, String message) {
        super("HTTP " + status + (message.isEmpty() ? "" : ": " + message));
        this.status = status;
    }

    int status() {
        return status;
    }
}
