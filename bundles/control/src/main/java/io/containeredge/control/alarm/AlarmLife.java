package io.containeredge.control.alarm;

import io.containeredge.control.api.Alarm;
import io.containeredge.control.api.AlarmCondition;

/**
 * The steps of an alarm's life (raised, cleared, acknowledged) as the registry takes them. Kept here
 * and not on {@link Alarm}, so the exported record stays a value other bundles can read but not advance.
 */
final class AlarmLife {

    private AlarmLife() {
    }

    static Alarm raised(AlarmCondition c, long nowMillis) {
        return new Alarm(c.id(), c.severity(), c.source(), c.message(), c.reading(), nowMillis, 0, 0, null);
    }

    /** Same occurrence: same id raised at the same time. */
    static boolean sameOccurrence(Alarm a, Alarm b) {
        return a.id().equals(b.id()) && a.raisedMillis() == b.raisedMillis();
    }

    static Alarm clear(Alarm a, long nowMillis) {
        // 0 means "active", so a clear at time 0 (only on a virtual clock) is recorded as 1
        return new Alarm(a.id(), a.severity(), a.source(), a.message(), a.reading(), a.raisedMillis(),
                Math.max(1, nowMillis), a.acknowledgedMillis(), a.acknowledgedBy());
    }

    static Alarm acknowledge(Alarm a, String who, long nowMillis) {
        return new Alarm(a.id(), a.severity(), a.source(), a.message(), a.reading(), a.raisedMillis(),
                a.clearedMillis(), Math.max(1, nowMillis), who);
    }
}
