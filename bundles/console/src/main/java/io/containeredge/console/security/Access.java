package io.containeredge.console.security;

/** What a request needs: nothing (public) or a user of at least some role. */
public enum Access {
    PUBLIC(null),
    VIEWER(Role.VIEWER),
    TECHNICIAN(Role.TECHNICIAN),
    ADMIN(Role.ADMIN);

    private final Role minimum;

    Access(Role minimum) {
        this.minimum = minimum;
    }

    /** True when a user of {@code role} (null: nobody logged in) may make the request. */
    public boolean permits(Role role) {
        return minimum == null || (role != null && role.includes(minimum));
    }
}
