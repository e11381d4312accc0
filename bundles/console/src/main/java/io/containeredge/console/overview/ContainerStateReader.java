package io.containeredge.console.overview;

import io.containeredge.control.api.ContainerState;
import io.containeredge.control.api.ControlStatus;

/**
 * The container's state as the console shows it: the one the controller derived with its last cycle
 * ({@link ControlStatus#state()}), or UNKNOWN when there is no cycle yet or the last one is older than
 * {@link #STALE_AFTER_MILLIS} (the loop runs every 250 ms, so it has stopped): the console must not
 * show a healthy container it cannot see.
 */
public final class ContainerStateReader {

    static final long STALE_AFTER_MILLIS = 5_000;

    private ContainerStateReader() {
    }

    public static StateVerdict read(ControlStatus status, long nowMillis) {
        if (status == null) {
            return new StateVerdict(ContainerState.UNKNOWN, "the control loop has not completed a cycle yet");
        }
        long age = nowMillis - status.timestampMillis();
        if (age > STALE_AFTER_MILLIS) {
            return new StateVerdict(ContainerState.UNKNOWN,
                    "the control loop last reported " + age / 1000 + " s ago: it is not running");
        }
        return new StateVerdict(status.state(), status.stateReason());
    }
}
