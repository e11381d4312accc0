package io.containeredge.console.web;

/** A request answered with an error status and a message for the person who sent it; nothing was changed. */
final class RequestRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    RequestRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    static RequestRefused badRequest(String message) {
        return new RequestRefused(400, message);
    }

    int status() {
        return status;
    }
}
