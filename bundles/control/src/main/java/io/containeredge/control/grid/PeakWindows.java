package io.containeredge.control.grid;

import io.containeredge.site.api.PeakSettings;
import io.containeredge.site.api.PeakSettings.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.OptionalLong;

/** Where a wall-clock time falls among the site's coincident-peak windows, in their local time zone. Pure. */
final class PeakWindows {

    /** How far ahead the next window is looked for: a window exists at least once a year or not at all. */
    private static final int DAYS_AHEAD = 400;

    private PeakWindows() {
    }

    static boolean inWindow(PeakSettings p, long wall) {
        ZonedDateTime t = Instant.ofEpochMilli(wall).atZone(p.zone());
        for (Window w : p.windows()) {
            if (onDay(w, t.toLocalDate()) && !t.toLocalTime().isBefore(w.from()) && t.toLocalTime().isBefore(w.to())) {
                return true;
            }
        }
        return false;
    }

    /** The start of the next window after {@code wall} (the current one's start not counted). */
    static OptionalLong nextStart(PeakSettings p, long wall) {
        LocalDate day = Instant.ofEpochMilli(wall).atZone(p.zone()).toLocalDate();
        for (int d = 0; d <= DAYS_AHEAD; d++) {
            LocalDate date = day.plusDays(d);
            long best = Long.MAX_VALUE;
            for (Window w : p.windows()) {
                long start = date.atTime(w.from()).atZone(p.zone()).toInstant().toEpochMilli();
                if (onDay(w, date) && start > wall) {
                    best = Math.min(best, start);
                }
            }
            if (best != Long.MAX_VALUE) {
                return OptionalLong.of(best);
            }
        }
        return OptionalLong.empty();
    }

    private static boolean onDay(Window w, LocalDate date) {
        return w.months().contains(date.getMonth()) && w.days().contains(date.getDayOfWeek());
    }
}
