package io.containeredge.control.alarm;

import io.containeredge.control.api.Alarm;
import java.util.Objects;

/**
 * A change of one alarm, as returned by the registry and written to its journal. {@code alarm} is the
 * whole state after the change, so replaying the journal needs no other context.
 */
public record AlarmEvent(Type type, Alarm alarm) {

    public enum Type {
        RAISED,
        CLEARED,
        ACKNOWLEDGED
    }

    public AlarmEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(alarm, "alarm");
    }
}
