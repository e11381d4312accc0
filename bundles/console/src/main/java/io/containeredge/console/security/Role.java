package io.containeredge.console.security;

/**
 * What a console user may do. Each role includes the ones before it: a technician can do all a viewer
 * can, an administrator all a technician can.
 */
public enum Role {
    /** Reads everything the console shows; changes nothing. */
    VIEWER,
    /** Acknowledges alarms, resets trips, sets maintenance mode, curtails and resumes with an expiry. */
    TECHNICIAN,
    /** Changes the configuration and manages users. */
    ADMIN;

    /** True when this role may do what {@code required} may. */
    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }
}
