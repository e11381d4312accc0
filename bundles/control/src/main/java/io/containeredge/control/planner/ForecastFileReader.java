package io.containeredge.control.planner;

import io.containeredge.control.api.ForecastSlot;
import io.containeredge.control.slots.SlotFileJson;
import java.util.List;
import java.util.Set;

/**
 * Reads the local generation forecast file, written in the form of a {@code forecast.update} request's params:
 * {@code {"slots": [{"start": epoch ms or ISO-8601 with offset, "minutes": 15, "pvKw": 120.5, "ambientC": 31}]}}
 * ({@code ambientC} optional). Read strictly ({@link SlotFileJson}); the values are checked after, on the one path of
 * every forecast ({@code ControlService.updateForecast}).
 */
final class ForecastFileReader {

    private static final Set<String> SLOT_FIELDS = Set.of("start", "minutes", "pvKw", "ambientC");

    private ForecastFileReader() {
    }

    /** @throws IllegalArgumentException naming what is wrong and where */
    static List<ForecastSlot> read(String text) {
        return SlotFileJson.read(text, SLOT_FIELDS, "start, minutes, pvKw, ambientC", (s, where) -> new ForecastSlot(
                SlotFileJson.start(s, where), SlotFileJson.integer(s, "minutes", where),
                SlotFileJson.number(s, "pvKw", where),
                s.has("ambientC") ? SlotFileJson.number(s, "ambientC", where) : Double.NaN));
    }
}
