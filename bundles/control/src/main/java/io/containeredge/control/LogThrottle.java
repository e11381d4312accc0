package io.containeredge.control;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps a gateway's journal readable: a line of one kind (a battery setpoint, a miner command batch, an
 * overrun) that would otherwise be logged every cycle is let through when the state it reports changed,
 * and otherwise at most once per interval; the next line let through says how many were held back.
 * Thread-safe: command outcomes are logged from the miner client's threads.
 */
public final class LogThrottle {

    /** A few lines per kind per minute at steady state. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(20);

    private record Last(Object state, long atMillis, long heldBack) {
    }

    private final long intervalMillis;
    private final Map<String, Last> last = new HashMap<>();

    public LogThrottle(Duration interval) {
        this.intervalMillis = interval.toMillis();
    }

    /**
     * @param kind what the line is about: each kind is throttled on its own
     * @param state the state the line reports (e.g. charging / idle / discharging); a change always goes through
     * @param nowMillis the time; one earlier than the last line's (a clock stepped back) lets the line through
     * @return how many lines of this kind were held back since the last one let through, or -1 to hold this
     *     one back
     */
    public synchronized long admit(String kind, Object state, long nowMillis) {
        Last l = last.get(kind);
        boolean due = l == null || !Objects.equals(l.state(), state) || nowMillis - l.atMillis() >= intervalMillis
                || nowMillis < l.atMillis();
        if (!due) {
            last.put(kind, new Last(l.state(), l.atMillis(), l.heldBack() + 1));
            return -1;
        }
        last.put(kind, new Last(state, nowMillis, 0));
        return l == null ? 0 : l.heldBack();
    }

    /** The text a line let through ends with: how many like it were held back, or nothing. */
    public static String heldBack(long count) {
        return count > 0 ? " (" + count + " similar lines held back)" : "";
    }
}
