package io.containeredge.cloud.remote;

/**
 * A request refused before anything was done: the reason goes into a {@code rejected} reply; never leaves {@link
 * RemoteRequests#handle}. A site lease refused by {@link LeaseReader#read} is logged and audited instead (leases are
 * not answered).
 */
public final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient String requestId;

    /** @param requestId the request's id when it could be read, else null (the reply then carries {@code "id": null}) */
    Refusal(String requestId, String reason) {
        super(reason, null, false, false);
        this.requestId = requestId;
    }

    String requestId() {
        return requestId;
    }
}
