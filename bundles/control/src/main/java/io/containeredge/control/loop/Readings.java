package io.containeredge.control.loop;

import io.containeredge.control.api.Reading;
import java.util.List;

/** Combines the same reading from several devices of a role, worst case first. */
final class Readings {

    private Readings() {
    }

    /**
     * The highest of the readings, or the first bad one if any is bad: a bad reading on any device is bad.
     *
     * @param none the source named when there is no device at all (a bad reading then)
     */
    static Reading worst(List<Reading> readings, String none) {
        if (readings.isEmpty()) {
            return Reading.bad(none, "no such device in the site");
        }
        Reading worst = readings.get(0);
        for (Reading r : readings) {
            if (!r.good()) {
                return r;
            }
            if (r.value() > worst.value()) {
                worst = r;
            }
        }
        return worst;
    }

    /**
     * A flag set on any device, else the first bad reading, else not set: a set flag is never hidden by
     * another device's bad reading.
     */
    static Reading anySet(List<Reading> flags, String none) {
        if (flags.isEmpty()) {
            return Reading.bad(none, "no such device in the site");
        }
        for (Reading f : flags) {
            if (f.set()) {
                return f;
            }
        }
        return flags.stream().filter(f -> !f.good()).findFirst().orElse(flags.get(0));
    }

    static Reading firstGood(Reading a, Reading b) {
        return a.good() ? a : b;
    }
}
