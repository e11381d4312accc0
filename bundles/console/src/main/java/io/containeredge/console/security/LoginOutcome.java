package io.containeredge.console.security;

import java.time.Duration;

/** How a login (or the setup that logs the first administrator in) ended. */
public sealed interface LoginOutcome {

    /** Logged in: the new session. */
    record LoggedIn(Session session) implements LoginOutcome {
    }

    /**
     * Wrong name, password or setup token; the same whichever it was.
     *
     * @param lockout the lockout this failure started, zero when it started none
     */
    record Refused(Duration lockout) implements LoginOutcome {
    }

    /** Too many failures: not even tried; try again after {@code retryAfter}. */
    record LockedOut(Duration retryAfter) implements LoginOutcome {
    }
}
