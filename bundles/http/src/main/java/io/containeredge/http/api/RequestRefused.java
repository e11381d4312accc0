package io.containeredge.http.api;

/** A request answered with an error status and a message for the person who sent it; nothing was changed. */
public final class RequestRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public RequestRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public static RequestRefused badRequest(String message) {
        return new RequestRefused(400, message);
    }

    public int status() {
        return status;
    }
}
