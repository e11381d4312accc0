package io.containeredge.control.api;

import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;

/**
 * One input of a guard: a number and whether it can be trusted. A guard must treat a reading that is
 * not {@link #good()} as the worst case; {@link #value()} is NaN then.
 *
 * @param source where it came from, e.g. {@code cdu/supply_temp}, for decisions and alarms
 * @param why why it is not good (stale, invalid, missing, not configured), or null
 * @param awaited not good only because its point has not been read yet since the gateway started: as bad
 *     as any other missing reading, but no sign of a flaky input
 */
public record Reading(String source, double value, boolean good, String why, boolean awaited) {

    public static Reading of(double value, String source) {
        return new Reading(source, value, true, null, false);
    }

    public static Reading bad(String source, String why) {
        return new Reading(source, Double.NaN, false, why, false);
    }

    /** A reading from the process image; booleans become 1/0, enums are compared by the caller. */
    public static Reading of(PointValue v) {
        if (v.quality() != Quality.GOOD) {
            String why = v.quality().key() + (v.reason() == null ? "" : ": " + v.reason());
            return new Reading(v.key(), Double.NaN, false, why, v.quality() == Quality.MISSING && v.timestampMillis() == 0);
        }
        double d = v.asDouble();
        return Double.isNaN(d) ? bad(v.key(), "not a number: " + v.value()) : of(d, v.key());
    }

    /** True only if the reading is good and above {@code limit}. */
    public boolean above(double limit) {
        return good && value > limit;
    }

    /** True only if the reading is good and below {@code limit}. */
    public boolean below(double limit) {
        return good && value < limit;
    }

    /** True only if the reading is good and non-zero (a flag that is set). */
    public boolean set() {
        return good && value != 0;
    }

    @Override
    public String toString() {
        return good ? source + "=" + value : source + " (" + why + ")";
    }
}
