package io.containeredge.gateway.api;

/**
 * One entry of the configuration history.
 *
 * @param version      1, 2, 3 …; never reused
 * @param appliedMillis when it was applied
 * @param source       who applied it ({@code file}, {@code mqtt:<id>}, {@code console:<user>},
 *                     {@code auto-rollback})
 * @param state        where it stands
 * @param detail       why it is in that state (e.g. the devices that went offline), or empty
 * @param sha256       hash of its documents, so two versions can be compared at a glance
 */
public record ConfigVersion(int version, long appliedMillis, String source, State state, String detail,
        String sha256) {

    public enum State {
        /** Applied; the grace period in which devices must stay online has not passed yet. */
        ON_TRIAL,
        /** Ran through its grace period, or is the first version: a rollback target. */
        GOOD,
        /** Replaced by a later version. */
        SUPERSEDED,
        /** Rolled back automatically because devices went offline after it was applied. */
        ROLLED_BACK
    }
}
