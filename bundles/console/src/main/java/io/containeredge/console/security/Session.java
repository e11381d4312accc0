package io.containeredge.console.security;

/**
 * A logged-in browser. The id travels only in the HttpOnly cookie; the CSRF token is given to the page,
 * which sends it back in a header on every change, something another site cannot do.
 */
public final class Session {

    private final String id;
    private final ConsoleUser user;
    private final String csrfToken;
    private final long createdMillis;
    private long lastSeenMillis;

    Session(String id, ConsoleUser user, String csrfToken, long createdMillis) {
        this.id = id;
        this.user = user;
        this.csrfToken = csrfToken;
        this.createdMillis = createdMillis;
        this.lastSeenMillis = createdMillis;
    }

    public String id() {
        return id;
    }

    public ConsoleUser user() {
        return user;
    }

    public String csrfToken() {
        return csrfToken;
    }

    long createdMillis() {
        return createdMillis;
    }

    long lastSeenMillis() {
        return lastSeenMillis;
    }

    void seen(long nowMillis) {
        lastSeenMillis = nowMillis;
    }

    @Override
    public String toString() {
        return "Session[" + user.name() + "]";
    }
}
