package io.containeredge.site.internal;

import static io.containeredge.site.internal.SettingRanges.durationAt;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.site.api.EventSettings;
import io.containeredge.site.api.EventSettings.Baseline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads {@code grid.events}: the baseline method and what each shed level asks for. */
final class EventParser {

    private static final String PATH = "$.grid.events";

    private EventParser() {
    }

    static EventSettings read(String file, JsonNode e, List<ConfigError> errors) {
        EventSettings d = EventSettings.DEFAULTS;
        if (e.isMissingNode()) {
            return d;
        }
        Baseline baseline = e.has("baseline")
                ? Baseline.valueOf(e.get("baseline").asText().replace('-', '_').toUpperCase(Locale.ROOT)) : d.baseline();
        Duration window = durationAt(file, e, PATH + ".baselineWindow", d.baselineWindow(), Duration.ofMinutes(1),
                Duration.ofHours(4), "the load history an event's baseline averages", errors);
        Duration keep = durationAt(file, e, PATH + ".keepPast", d.keepPast(), Duration.ofDays(1), Duration.ofDays(400),
                "finished events and their performance records are kept this long", errors);
        List<Double> levels = new ArrayList<>(d.levelReductionPct());
        if (e.has("levelReductionPct")) {
            levels.clear();
            e.get("levelReductionPct").forEach(n -> levels.add(n.asDouble()));
            for (int i = 1; i < levels.size(); i++) {
                if (levels.get(i) < levels.get(i - 1)) {
                    errors.add(new ConfigError(file, PATH + ".levelReductionPct[" + i + "]", "level " + (i + 1)
                            + " asks for less (" + levels.get(i) + " %) than level " + i + " (" + levels.get(i - 1)
                            + " %): a higher level sheds at least as much"));
                }
            }
        }
        return new EventSettings(baseline, window, levels, keep);
    }
}
