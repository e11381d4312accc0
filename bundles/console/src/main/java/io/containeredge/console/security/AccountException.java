package io.containeredge.console.security;

/** A change to the users that was refused, with why in words a user can act on (never a secret). */
public final class AccountException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why: the web layer turns each into its HTTP status. */
    public enum Reason {
        /** A name or password that breaks {@link AccountRules}, or an unknown role. */
        INVALID,
        /** A user of that name exists already. */
        EXISTS,
        /** No user of that name. */
        NOT_FOUND,
        /** The change would leave no administrator. */
        LAST_ADMIN,
        /** The first administrator exists: setup is over. */
        SETUP_DONE
    }

    private final Reason reason;

    public AccountException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
