package io.containeredge.site.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.site.api.Limits;
import io.containeredge.site.api.PeakSettings;
import io.containeredge.site.api.PeakSettings.Window;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code grid.peaks}: coincident-peak windows in a local time zone and the cap held during an alerted one. A
 * window without months or days means every month or every day.
 */
final class PeakParser {

    private static final String PATH = "$.grid.peaks";

    private PeakParser() {
    }

    static Optional<PeakSettings> read(String file, JsonNode p, Limits limits, List<ConfigError> errors) {
        if (p.isMissingNode()) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.of("UTC");
        try {
            zone = ZoneId.of(p.get("timeZone").asText());
        } catch (DateTimeException e) {
            errors.add(new ConfigError(file, PATH + ".timeZone", "unknown time zone " + p.get("timeZone").asText()));
        }
        double capKw = p.get("capKw").asDouble();
        if (limits != null && capKw > limits.importCapKw()) {
            errors.add(new ConfigError(file, PATH + ".capKw", capKw + " kW is above the site's import cap "
                    + limits.importCapKw() + " kW: a peak cap can only lower it"));
        }
        List<Window> windows = new ArrayList<>();
        JsonNode list = p.get("windows");
        for (int i = 0; i < list.size(); i++) {
            JsonNode w = list.get(i);
            String at = PATH + ".windows[" + i + "]";
            LocalTime from = LocalTime.parse(w.get("from").asText());
            LocalTime to = LocalTime.parse(w.get("to").asText());
            if (!to.isAfter(from)) {
                errors.add(new ConfigError(file, at + ".to", to + " is not after " + from
                        + " (a window ends on the day it starts)"));
            }
            windows.add(new Window(months(w.path("months")), days(w.path("days")), from, to));
        }
        return Optional.of(new PeakSettings(zone, windows, capKw));
    }

    private static Set<Month> months(JsonNode list) {
        Set<Month> months = EnumSet.noneOf(Month.class);
        list.forEach(m -> months.add(Month.valueOf(m.asText().toUpperCase(Locale.ROOT))));
        return months.isEmpty() ? EnumSet.allOf(Month.class) : months;
    }

    private static Set<DayOfWeek> days(JsonNode list) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        list.forEach(d -> days.add(DayOfWeek.valueOf(d.asText().toUpperCase(Locale.ROOT))));
        return days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : days;
    }
}
