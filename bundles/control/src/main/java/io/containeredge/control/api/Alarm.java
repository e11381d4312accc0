package io.containeredge.control.api;

import io.containeredge.control.api.AlarmCondition.Severity;
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

    /** True while the condition is still reported. */
    public boolean active() {
        return clearedMillis == 0;
    }

    public boolean acknowledged() {
        return acknowledgedMillis != 0;
    }
}
