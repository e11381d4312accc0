package io.containeredge.control.loop;

import java.time.Duration;

/**
 * The hold after a guard's needed reading was last bad: the safe level stays until the readings have been
 * good again for the hold time, so a flaky input cannot let load back in between its failures.
 */
public final class FailSafeHold {

    private FailSafeHold() {
    }

    /**
     * @param lastBadMillis when a needed reading was last bad (and not merely awaited), or MIN_VALUE if never
     * @return whether the hold still runs at {@code now}; with no bad reading yet there is nothing to hold
     */
    public static boolean running(long lastBadMillis, long now, Duration hold) {
        return lastBadMillis != Long.MIN_VALUE && now - lastBadMillis < hold.toMillis();
    }
}
