package io.containeredge.site.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Coincident-peak windows ({@code grid.peaks}): the afternoons that may set next year's transmission charges. While a
 * peak alert is on (signed MQTT or OpenADR) and now is inside a window, the container's import is held to
 * {@code capKw}.
 *
 * @param zone the windows' local time zone
 * @param capKw the import held to during an alerted window
 */
public record PeakSettings(ZoneId zone, List<Window> windows, double capKw) {

    public PeakSettings {
        windows = List.copyOf(windows);
    }

    /** Months, days of the week and a time of day range (from inclusive, to exclusive), local time. */
    public record Window(Set<Month> months, Set<DayOfWeek> days, LocalTime from, LocalTime to) {

        public Window {
            months = Set.copyOf(months);
            days = Set.copyOf(days);
        }
    }
}
