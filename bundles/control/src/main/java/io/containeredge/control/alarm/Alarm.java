package io.containeredge.control.alarm;

import io.containeredge.control.AlarmCondition;
import io.containeredge.control.AlarmCondition.Severity;
import java.util.Objects;

/**
 * One occurrence of an alarm: from the cycle its condition was first reported until the cycle it was
 * no longer reported. The same {@code id} raised again later is a new occurrence, told apart by
 * {@code raisedMillis}.
 *
 * @param reading the value that caused it when raised, NaN if none
 * @param clearedMillis when the condition went away, 0 while it is active
 * @param acknowledgedMillis when someone acknowledged it, 0 if nobody has
 * @param acknowledgedBy who acknowledged it, null if nobody has
 */
public record Alarm(String id, Severity severity, String source, String message, double reading,
        long raisedMillis, long clearedMillis, long acknowledgedMillis, String acknowledgedBy) {

    public Alarm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
    }

    static Alarm raised(AlarmCondition c, long nowMillis) {
        return new Alarm(c.id(), c.severity(), c.source(), c.message(), c.reading(), nowMillis, 0, 0, null);
    }

    /** True while the condition is still reported. */
    public boolean active() {
        return clearedMillis == 0;
    }

    public boolean acknowledged() {
        return acknowledgedMillis != 0;
    }

    /** Same occurrence: same id raised at the same time. */
    boolean sameOccurrence(Alarm other) {
        return id.equals(other.id) && raisedMillis == other.raisedMillis;
    }

    Alarm clear(long nowMillis) {
        // 0 means "active", so a clear at time 0 (only on a virtual clock) is recorded as 1
        return new Alarm(id, severity, source, message, reading, raisedMillis, Math.max(1, nowMillis),
                acknowledgedMillis, acknowledgedBy);
    }

    Alarm acknowledge(String who, long nowMillis) {
        return new Alarm(id, severity, source, message, reading, raisedMillis, clearedMillis,
                Math.max(1, nowMillis), who);
    }
}
