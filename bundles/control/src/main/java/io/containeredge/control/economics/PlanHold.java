package io.containeredge.control.economics;

import io.containeredge.site.api.EconomicsSettings;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Hysteresis and wear between the plan prices ask for and the plan the miners follow: a new plan is taken only
 * after the asked plan has differed from the followed one for the hold time, without a break (ramp and hold: a
 * short spike moves nothing; a price that keeps moving is followed at most once per hold time),
 * and then each miner changes only when its last economic change is at least the dwell time ago and it has
 * changed fewer than the hourly maximum in the last hour; a miner held back follows as soon as it may. The first
 * plan is followed at once: at start there is no change to wait out.
 *
 * <p>A plan is each miner's step by index: its power target in W, 0 asleep.
 */
final class PlanHold {

    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    private final long holdMillis;
    private final long dwellMillis;
    private final int maxPerHour;
    private Map<Integer, Double> followed;
    private long differsSince = Long.MIN_VALUE;
    /** Each miner's economic changes in the last hour, oldest first. */
    private final Map<Integer, Deque<Long>> changes = new HashMap<>();
    /** Each miner's last economic change: the dwell may be longer than the hour the changes are counted over. */
    private final Map<Integer, Long> lastChange = new HashMap<>();

    PlanHold(EconomicsSettings settings) {
        this.holdMillis = settings.holdTime().toMillis();
        this.dwellMillis = settings.minDwell().toMillis();
        this.maxPerHour = settings.maxStateChangesPerHour();
    }

    /** The plan to follow now, given the plan the prices ask for at monotonic time {@code now}. */
    Map<Integer, Double> follow(Map<Integer, Double> asked, long now) {
        if (followed == null) {
            followed = new TreeMap<>(asked);
        }
        if (asked.equals(followed)) {
            differsSince = Long.MIN_VALUE;
            return Map.copyOf(followed);
        }
        if (differsSince == Long.MIN_VALUE) {
            differsSince = now;
        }
        if (now - differsSince >= holdMillis) {
            asked.forEach((index, step) -> {
                if (!Objects.equals(followed.get(index), step) && mayChange(index, now)) {
                    followed.put(index, step);
                    changes.computeIfAbsent(index, i -> new ArrayDeque<>()).addLast(now);
                    lastChange.put(index, now);
                }
            });
            if (asked.equals(followed)) {
                differsSince = Long.MIN_VALUE;
            }
        }
        return Map.copyOf(followed);
    }

    /** How long the asked plan has differed from the followed one; 0 when they agree. */
    long pendingMillis(long now) {
        return differsSince == Long.MIN_VALUE ? 0 : now - differsSince;
    }

    /**
     * When the asked plan, differing from the followed one, is next taken up: the end of its hold, a past time
     * while miners are still held back by their dwell or hourly maximum; {@link Long#MAX_VALUE} while they agree.
     */
    long dueMillis() {
        return differsSince == Long.MIN_VALUE ? Long.MAX_VALUE : differsSince + holdMillis;
    }

    long holdMillis() {
        return holdMillis;
    }

    private boolean mayChange(int index, long now) {
        Long last = lastChange.get(index);
        if (last == null) {
            return true;
        }
        Deque<Long> times = changes.get(index);
        while (!times.isEmpty() && now - times.peekFirst() >= HOUR_MILLIS) {
            times.removeFirst();
        }
        return times.size() < maxPerHour && now - last >= dwellMillis;
    }
}
