package io.containeredge.control.loop;

import io.containeredge.control.api.Reading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * After a start, the loop waits a moment for the guards' first readings before it decides anything. The
 * first cycle comes a period after the controller starts, often before the first poll of every device has
 * answered; deciding then would treat readings that simply have not arrived yet as failed and put the whole
 * container on the safe level (every miner asleep, then woken at the ramp): a step of megawatts at every
 * restart, for nothing. The wait is bounded by {@link #GRACE}: a reading still missing then is the worst case
 * as always. Anything that sheds without the missing readings ends the wait at once: a latch restored from
 * before the restart, an e-stop called, a trip cause among the readings that have arrived.
 */
final class FirstReadings {

    /** How long after its first cycle the loop waits, at most, for readings that have not arrived yet. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private long firstMillis = Long.MIN_VALUE;
    private boolean over;

    /**
     * @param mustAct whether something already sheds the container (a latch, an e-stop, a trip cause)
     * @return whether the loop should still wait (decide nothing, command nothing) in this cycle
     */
    boolean waiting(ContainerInputs in, boolean mustAct, long nowMillis) {
        if (over) {
            return false;
        }
        if (firstMillis == Long.MIN_VALUE) {
            firstMillis = nowMillis;
        }
        over = mustAct || nowMillis - firstMillis >= GRACE.toMillis() || needed(in).stream().noneMatch(Reading::awaited);
        return !over;
    }

    /** The readings the thermal and power guards decide on. */
    private static List<Reading> needed(ContainerInputs in) {
        List<Reading> readings = new ArrayList<>();
        in.coolingLoops().forEach(c -> readings.addAll(c.needed()));
        readings.add(in.power().importKw());
        return readings;
    }
}
